#!/bin/sh
# Install Rehab Journal for the current user (no root needed):
#   ~/.local/opt/rehabjournal/        the app (this tarball's rehabjournal/ folder)
#   ~/.local/bin/rehabjournal         a launcher
#   ~/.local/share/applications/      the desktop entry (menus, launchers)
#   ~/.local/share/icons/hicolor/     the icon in every size
#   ~/.local/share/metainfo/          AppStream metadata (software centres)
# Run it again to upgrade. Your journal (~/.local/share/rehabjournal) is never touched.
# PREFIX=/some/where ./install.sh installs under another prefix instead of ~/.local.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-"$HOME/.local"}
APP_ID=io.github.rehabjournal.RehabJournal
DEST="$PREFIX/opt/rehabjournal"
BIN="$PREFIX/bin"
SHARE="$PREFIX/share"

if [ ! -x "$HERE/rehabjournal/rehabjournal" ]; then
    echo "install.sh: run me from the unpacked tarball (rehabjournal/ is missing)" >&2
    exit 1
fi

mkdir -p "$PREFIX/opt" "$BIN" "$SHARE/applications" "$SHARE/metainfo" "$SHARE/icons/hicolor"

# Copy to a side folder first, then swap, so a failed copy leaves the old install working.
rm -rf "$DEST.new"
cp -a "$HERE/rehabjournal" "$DEST.new"
cp "$HERE/uninstall.sh" "$DEST.new/uninstall.sh"
chmod 755 "$DEST.new/uninstall.sh"
rm -rf "$DEST"
mv "$DEST.new" "$DEST"

cat > "$BIN/rehabjournal" <<EOF
#!/bin/sh
exec "$DEST/rehabjournal" "\$@"
EOF
chmod 755 "$BIN/rehabjournal"

# The desktop entry names the launcher by its full path: ~/.local/bin is not on every
# desktop session's PATH.
sed "s|^Exec=rehabjournal|Exec=$BIN/rehabjournal|" \
    "$HERE/share/applications/$APP_ID.desktop" > "$SHARE/applications/$APP_ID.desktop"
chmod 644 "$SHARE/applications/$APP_ID.desktop"
cp "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$SHARE/metainfo/"
cp -R "$HERE/share/icons/hicolor/." "$SHARE/icons/hicolor/"
# Versions up to 0.1.0 named the icon rehabjournal.png; it is named after the app id now.
for n in 16 32 48 64 128 256 512; do
    rm -f "$SHARE/icons/hicolor/${n}x${n}/apps/rehabjournal.png"
done

# Refresh caches where the tools exist (they are optional).
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$SHARE/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t -f "$SHARE/icons/hicolor" || true
fi

echo "Installed Rehab Journal $("$DEST/rehabjournal" --version 2>/dev/null | cut -d' ' -f2) to $DEST"
case ":$PATH:" in
    *":$BIN:"*) ;;
    *) echo "Note: $BIN is not on your PATH; the menu entry works, or run $BIN/rehabjournal" ;;
esac
echo "Uninstall: $DEST/uninstall.sh"
