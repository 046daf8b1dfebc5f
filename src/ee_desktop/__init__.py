"""ee-desktop: an offline companion for Canada's Express Entry."""

__version__ = "0.1.0"

# The app's identity for the desktop: the .desktop entry and AppStream file on Linux, the
# bundle identifier on macOS. It must never change once released: desktops key the app's
# icon, launcher and permissions on it.
APP_ID = "org.eedesktop.EeDesktop"
