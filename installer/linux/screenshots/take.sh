#!/bin/sh
# Retake the AppStream screenshots (today.png, progress.png, reports.png beside this script)
# from the real app with the demo journal, on a private X server:
#   apt-get install xvfb xdotool imagemagick   (Debian/Ubuntu)
#   sh installer/linux/screenshots/take.sh     (from the repository top, after make)
# The window has no title bar (no window manager runs): software centres add their own frame.
# Look at the three PNGs before committing them; the metainfo links them on the homepage repo.
set -eu

OUT=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$OUT/../../.." && pwd)
PY=${PY:-"$ROOT/.venv/bin/python"}
SCREEN=${SCREEN:-:97}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/rj-shots-XXXXXX")

Xvfb "$SCREEN" -screen 0 1280x800x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB=$!
APP=
cleanup() {
    [ -n "$APP" ] && kill "$APP" 2>/dev/null || true
    kill "$XVFB" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
sleep 2

mkdir -p "$WORK/home/run" && chmod 700 "$WORK/home/run"
# A throwaway home: no settings, no journal of your own, English UI.
env -i PATH=/usr/bin:/bin DISPLAY="$SCREEN" HOME="$WORK/home" LANG=en_GB.UTF-8 \
    XDG_RUNTIME_DIR="$WORK/home/run" "$PY" -m rehabjournal --demo >"$WORK/app.log" 2>&1 &
APP=$!
sleep 12
export DISPLAY="$SCREEN"
WIN=$(xdotool search --onlyvisible --name "rehabjournal" | head -n 1)
[ -n "$WIN" ] || { cat "$WORK/app.log"; echo "take.sh: no window" >&2; exit 1; }
eval "$(xdotool getwindowgeometry --shell "$WIN")"  # X Y WIDTH HEIGHT
xdotool windowfocus --sync "$WIN"

shot() {  # name: the window's area of the screen, 256 colours (text stays sharp), no metadata
    xdotool mousemove 1279 799  # no hover highlight or tooltip
    sleep 1
    import -window root "$WORK/full.png"
    convert "$WORK/full.png" -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage -strip -dither None \
        -colors 256 -define png:compression-level=9 "PNG8:$OUT/$1.png"
    echo "wrote $OUT/$1.png"
}

shot today                          # the window opens on Today
xdotool key ctrl+4; sleep 6; shot progress
xdotool key ctrl+5; sleep 4
# "Make report" sits at the foot of the options column (1264x760 window at the top left).
xdotool mousemove $((X + 311)) $((Y + 627)) click 1; sleep 20; shot reports
