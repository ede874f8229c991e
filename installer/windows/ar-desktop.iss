; Inno Setup script for AR Desktop on Windows (Inno Setup 6): installs the PyInstaller bundle,
; adds the Start menu entry and the .ardb file type, and removes all of it on uninstall (company
; files and backups are never touched). Build the bundle first, on Windows:
;   py -3.11 -m venv .venv && .venv\Scripts\pip install -e . "pyinstaller>=6.10,<7"
;   .venv\Scripts\pyinstaller --noconfirm --clean --distpath dist --workpath build installer\ar_desktop.spec
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installer\windows\ar-desktop.iss
; UNTESTED here: this project's machines run Debian (see installer/README.md).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{5C1F7B2E-3A7D-4E55-9B0E-AD1E5C7D2A41}
AppName=AR Desktop
AppVersion={#AppVersion}
AppPublisher=AR Desktop
DefaultDirName={autopf}\AR Desktop
DefaultGroupName=AR Desktop
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=ar-desktop-{#AppVersion}-setup
SetupIconFile=ar-desktop.ico
UninstallDisplayIcon={app}\ar-desktop.exe
ChangesAssociations=yes
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesInstallIn64BitMode=x64compatible
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\ar-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\AR Desktop"; Filename: "{app}\ar-desktop.exe"
Name: "{autodesktop}\AR Desktop"; Filename: "{app}\ar-desktop.exe"; Tasks: desktopicon

[Registry]
; .ardb company files open in AR Desktop (removed again on uninstall)
Root: HKA; Subkey: "Software\Classes\.ardb"; ValueType: string; ValueName: ""; ValueData: "ARDesktop.CompanyFile"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\ARDesktop.CompanyFile"; ValueType: string; ValueName: ""; ValueData: "AR Desktop company file"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\ARDesktop.CompanyFile\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\ar-desktop.exe,0"
Root: HKA; Subkey: "Software\Classes\ARDesktop.CompanyFile\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\ar-desktop.exe"" --open ""%1"""

[Run]
Filename: "{app}\ar-desktop.exe"; Description: "{cm:LaunchProgram,AR Desktop}"; Flags: nowait postinstall skipifsilent
