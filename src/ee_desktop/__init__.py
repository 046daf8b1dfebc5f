"""ee-desktop: an offline companion for Canada's Express Entry."""

__version__ = "0.1.0"
