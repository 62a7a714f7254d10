#!/usr/bin/env bash
# macOS: build "Rehab Journal.app" with PyInstaller and wrap it in a compressed DMG.
# Run on a Mac from anywhere in the repository, with the project installed in .venv
# (`make` does that): installer/macos/make_dmg.sh
# Output: dist/rehabjournal-<version>-macos-<arch>.dmg
# Optional signing: CODESIGN_IDENTITY="Developer ID Application: ..." signs the app (hardened
# runtime) and the DMG; notarising is a separate `xcrun notarytool submit` step (README).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PY=${PY:-.venv/bin/python}
VERSION=$("$PY" installer/buildinfo.py version)
ARCH=$(uname -m)
APP="dist/Rehab Journal.app"
DMG="dist/rehabjournal-$VERSION-macos-$ARCH.dmg"

if [ "$(uname -s)" != "Darwin" ]; then
    echo "make_dmg.sh: needs macOS (hdiutil, codesign); PyInstaller cannot cross-build" >&2
    exit 1
fi

"$PY" -c "import PyInstaller" 2>/dev/null || "$PY" -m pip install --quiet "pyinstaller>=6.10,<7"
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist \
    --workpath build/pyinstaller installer/rehabjournal.spec

# Smoke test: the executable inside the bundle prints to the terminal it was started from.
OUT=$("$APP/Contents/MacOS/rehabjournal" --version)
[ "$OUT" = "rehabjournal $VERSION" ] || { echo "make_dmg.sh: --version said '$OUT'" >&2; exit 1; }
TMP_PDF=$(mktemp -t rehabjournal-smoke).pdf
"$APP/Contents/MacOS/rehabjournal" --demo report --out "$TMP_PDF"
rm -f "$TMP_PDF"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$APP"
fi

STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"   # drag-to-install
cp LICENSE THIRD-PARTY-NOTICES "$STAGE/"     # readable before installing
rm -f "$DMG"
hdiutil create -volname "Rehab Journal $VERSION" -srcfolder "$STAGE" -fs HFS+ \
    -format UDZO -imagekey zlib-level=9 -ov "$DMG"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --force --timestamp --sign "$CODESIGN_IDENTITY" "$DMG"
fi
du -sh "$APP" "$DMG"
