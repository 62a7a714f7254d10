#!/bin/sh
# Remove what install.sh put in place. Your journal and its backups
# (~/.local/share/rehabjournal, or wherever --data-dir points) are left alone.
# Use the same PREFIX as for install.sh (default ~/.local).
set -eu

PREFIX=${PREFIX:-"$HOME/.local"}
APP_ID=io.github.rehabjournal.RehabJournal
SHARE="$PREFIX/share"
SIZES="16 32 48 64 128 256 512"

rm -f "$SHARE/applications/$APP_ID.desktop" "$SHARE/metainfo/$APP_ID.metainfo.xml"
for n in $SIZES; do
    # the icon is named after the app id; versions up to 0.1.0 named it rehabjournal.png
    rm -f "$SHARE/icons/hicolor/${n}x${n}/apps/$APP_ID.png" \
        "$SHARE/icons/hicolor/${n}x${n}/apps/rehabjournal.png"
done
# The launcher only if it is ours (a pip-installed rehabjournal script is not).
if [ -f "$PREFIX/bin/rehabjournal" ] && grep -q "opt/rehabjournal/rehabjournal" "$PREFIX/bin/rehabjournal"; then
    rm -f "$PREFIX/bin/rehabjournal"
fi
rm -rf "$PREFIX/opt/rehabjournal"

if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$SHARE/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$SHARE/icons/hicolor" ]; then
    gtk-update-icon-cache -q -t -f "$SHARE/icons/hicolor" || true
fi
echo "Rehab Journal removed from $PREFIX (your journal data was kept)."
