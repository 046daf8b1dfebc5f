; Inno Setup script: the Windows installer for ee-desktop.
; packaging/build.py runs it after PyInstaller when Inno Setup's iscc is on PATH, with
;   iscc /DAppVersion=0.1.0 /DSourceDir=dist\ee-desktop /DOutputDir=dist
;        /DOutputName=ee-desktop-0.1.0-windows-x86_64-setup packaging\windows\ee-desktop.iss
; It installs for the current user by default (no administrator rights needed) and offers
; an install for all users. Personal files are kept in %LOCALAPPDATA%\ee-desktop, outside
; the app's folder, so updates and removal leave them alone.

#if VER < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or later is needed (x64compatible, UTF-8 scripts)
#endif
#ifndef AppVersion
  #error Pass /DAppVersion=X.Y.Z (the version in src/ee_desktop/__init__.py)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\ee-desktop"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef OutputName
  #define OutputName "ee-desktop-" + AppVersion + "-windows-setup"
#endif

[Setup]
; The AppId identifies the app to Windows across versions: never change it.
AppId={{6F0C2B0E-5D57-4F43-9E0B-6C3E1F7A2D41}
AppName=ee-desktop
AppVersion={#AppVersion}
AppVerName=ee-desktop {#AppVersion}
AppPublisher=ee-desktop contributors
AppCopyright=© ee-desktop contributors. MIT licence.
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\ee-desktop
DefaultGroupName=ee-desktop
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename={#OutputName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\ee-desktop.exe
UninstallDisplayName=ee-desktop
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update replaces the app's files whole: nothing of an older version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\ee-desktop"; Filename: "{app}\ee-desktop.exe"
Name: "{autodesktop}\ee-desktop"; Filename: "{app}\ee-desktop.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\ee-desktop.exe"; Description: "{cm:LaunchProgram,ee-desktop}"; Flags: nowait postinstall skipifsilent
