#!/bin/sh
# Install (or upgrade, or remove) the one-folder build of Frontera Desk on Linux.
#
#   packaging/linux/install.sh [--prefix DIR] [--uninstall] [BUILT_FOLDER]
#
# BUILT_FOLDER defaults to dist/frontera-desk (from `python packaging/build.py`); the prefix
# defaults to ~/.local (no administrator needed); use /usr/local for every user of the laptop.
# The data folder (~/.local/share/FronteraDesk) is never touched: an upgrade or a removal keeps
# every record and backup.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix="$HOME/.local"
uninstall=no
built="$here/../../dist/frontera-desk"
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --uninstall) uninstall=yes; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) built="$1"; shift ;;
  esac
done
app_id=org.fronteradesk.FronteraDesk
target="$prefix/lib/frontera-desk"
sizes="16 24 32 48 64 128 256"

rm -rf "$target" "$prefix/bin/frontera-desk" "$prefix/bin/frontera-desk-cli" \
  "$prefix/share/applications/$app_id.desktop" "$prefix/share/metainfo/$app_id.metainfo.xml" \
  "$prefix/share/icons/hicolor/scalable/apps/frontera-desk.svg"
for size in $sizes; do rm -f "$prefix/share/icons/hicolor/${size}x${size}/apps/frontera-desk.png"; done
if [ "$uninstall" = yes ]; then
  echo "Frontera Desk removed from $prefix (the data folder was left as it was)."
  exit 0
fi

if [ ! -x "$built/frontera-desk" ]; then
  echo "install.sh: no build in $built; run: python packaging/build.py" >&2
  exit 1
fi
mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share/applications" "$prefix/share/metainfo"
cp -R "$built" "$target"
ln -s "$target/frontera-desk" "$prefix/bin/frontera-desk"
ln -s "$target/frontera-desk-cli" "$prefix/bin/frontera-desk-cli"
sed "s|^Exec=frontera-desk|Exec=$target/frontera-desk|" "$here/$app_id.desktop" \
  > "$prefix/share/applications/$app_id.desktop"
cp "$here/$app_id.metainfo.xml" "$prefix/share/metainfo/"
icons="$here/../../resources/icons"
for size in $sizes; do
  mkdir -p "$prefix/share/icons/hicolor/${size}x${size}/apps"
  cp "$icons/hicolor/${size}x${size}/apps/frontera-desk.png" \
    "$prefix/share/icons/hicolor/${size}x${size}/apps/"
done
mkdir -p "$prefix/share/icons/hicolor/scalable/apps"
cp "$icons/frontera-desk.svg" "$prefix/share/icons/hicolor/scalable/apps/"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$prefix/share/applications" || true
echo "Frontera Desk installed in $target; menu entry and icons under $prefix/share."
