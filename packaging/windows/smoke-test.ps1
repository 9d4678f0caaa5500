# Runs the programs of an unpacked or installed Windows package as a user's
# machine would: with nothing of the Qt installation in reach. The workflow
# calls it for the ZIP, the per-user and the per-machine installation.
#
#   smoke-test.ps1 -Bin <package>\bin [-Screenshot <file.png>]
#
# Checks: the CLI starts and names its version; Qt's TLS backend is Schannel,
# also with an OpenSSL DLL on PATH (Git's, when the machine has one); the CLI
# lists the sandbox tenant's configurations; with -Screenshot, the GUI starts
# with the package's own platform plugin and saves a picture of its window.
param(
    [Parameter(Mandatory = $true)][string]$Bin,
    [string]$Screenshot = ''
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

function Fail([string]$Message) {
    Write-Output "::error::smoke-test: $Message"
    exit 1
}

# install-qt-action exports QT_PLUGIN_PATH (and QML2_IMPORT_PATH) and puts
# Qt's bin on PATH: with those, a plugin or DLL missing from the package would
# be loaded from the Qt installation and nothing would notice. Drop every Qt
# variable, and leave only Windows on PATH.
(Get-ChildItem Env:) | Where-Object { $_.Name -like 'QT*' -or $_.Name -like 'QML*' } |
    ForEach-Object { Remove-Item -LiteralPath "Env:$($_.Name)" }
$cleanPath = "$env:SystemRoot\System32;$env:SystemRoot;$env:SystemRoot\System32\Wbem"
$env:PATH = $cleanPath
Write-Output "Environment: PATH=$env:PATH; no QT* or QML* variables"

$cli = Join-Path $Bin 'enrollment-assigner-cli.exe'
$gui = Join-Path $Bin 'enrollment-assigner.exe'
foreach ($program in $cli, $gui) {
    if (-not (Test-Path -LiteralPath $program)) { Fail "$program is missing" }
}

# The backend named on the CLI's "TLS backend: <name> (<library>)" line.
function Get-TlsBackend {
    $lines = @(& $cli --version)
    if ($LASTEXITCODE -ne 0) { Fail "enrollment-assigner-cli --version failed (exit $LASTEXITCODE)" }
    $lines | ForEach-Object { Write-Host "  $_" }
    if ($lines.Count -eq 0 -or -not ($lines[0] -match '^enrollment-assigner-cli \d+\.\d+\.\d+')) {
        Fail "--version printed '$($lines -join ' / ')'"
    }
    $tls = @($lines | Where-Object { $_ -match '^TLS backend: ' })
    if ($tls.Count -ne 1) { Fail 'enrollment-assigner-cli --version names no TLS backend' }
    return ($tls[0] -replace '^TLS backend: (\S+).*$', '$1')
}

$backend = Get-TlsBackend
if ($backend -ne 'schannel') { Fail "the TLS backend is '$backend', not schannel" }
Write-Output "ok: TLS backend schannel"

# An OpenSSL DLL on PATH must not change that (Qt prefers OpenSSL whenever
# its OpenSSL backend can load one; the package leaves that backend out).
$ssl = Get-ChildItem -Path "$env:ProgramFiles\Git\mingw64\bin", "$env:ProgramFiles\Git\usr\bin" -Filter 'libssl-*.dll' -ErrorAction Ignore |
    Select-Object -First 1
if ($ssl) {
    $env:PATH = "$($ssl.DirectoryName);$cleanPath"
    $backend = Get-TlsBackend
    $env:PATH = $cleanPath
    if ($backend -ne 'schannel') { Fail "with $($ssl.FullName) on PATH the TLS backend is '$backend', not schannel" }
    Write-Output "ok: TLS backend still schannel with $($ssl.FullName) on PATH"
} else {
    Write-Output "::notice::smoke-test: no OpenSSL DLL on this machine to put on PATH; that check was skipped"
}

$configs = @(& $cli --sandbox configs)
if ($LASTEXITCODE -ne 0) { Fail "enrollment-assigner-cli --sandbox configs failed (exit $LASTEXITCODE)" }
if (-not ($configs -match '_DefaultLimit')) { Fail "the sandbox's configurations lack the default device limit:`n$($configs -join "`n")" }
Write-Output "ok: the CLI lists $($configs.Count - 1) sandbox configurations"

if ($Screenshot) {
    # The real windows platform plugin (windeployqt deploys no other); the
    # runner has a desktop. A missing plugin shows a message box and waits:
    # two minutes at most.
    Remove-Item -LiteralPath $Screenshot -ErrorAction Ignore
    $p = Start-Process -FilePath $gui -ArgumentList '--sandbox', '--screenshot', "`"$Screenshot`"" -PassThru
    $null = $p.Handle # keeps ExitCode readable after the process ends
    if (-not $p.WaitForExit(120000)) { $p.Kill(); Fail 'the GUI did not finish within two minutes' }
    if ($p.ExitCode -ne 0) { Fail "the GUI exited with $($p.ExitCode)" }
    if (-not (Test-Path -LiteralPath $Screenshot) -or (Get-Item -LiteralPath $Screenshot).Length -lt 10000) {
        Fail "the GUI saved no real screenshot at $Screenshot"
    }
    Write-Output "ok: the GUI drew its window ($((Get-Item -LiteralPath $Screenshot).Length) bytes of PNG)"
}
