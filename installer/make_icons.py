"""Render the app icon from resources/icons/rehabjournal.svg into every packaged format.

    .venv/bin/python installer/make_icons.py          (or: make -C installer icons)

Writes, all committed to git so that a build needs neither this script nor Pillow:

- resources/icons/hicolor/<n>x<n>/apps/io.github.rehabjournal.RehabJournal.png for n in 16
  32 48 64 128 256 512 (the freedesktop icon theme layout that install.sh copies into
  ~/.local/share/icons and the Flatpak installs; named after the app id, as the desktop
  entry's Icon= key and Flatpak's export require);
- installer/windows/rehabjournal.ico (16, 24, 32, 48, 64, 128, 256);
- installer/macos/rehabjournal.icns (16 ... 1024).

Each size is rendered from the SVG by Qt (QSvgRenderer, in PySide6-Essentials) rather than
scaled down from one bitmap, so small sizes stay sharp. Pillow only packs the bitmaps into
.ico/.icns; it is a build-time tool here (matplotlib already installs it into the venv), never
a runtime dependency of rehabjournal.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
import buildinfo  # noqa: E402

SVG = ROOT / "resources" / "icons" / "rehabjournal.svg"
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
ICO = ROOT / "installer" / "windows" / "rehabjournal.ico"
ICNS = ROOT / "installer" / "macos" / "rehabjournal.icns"

PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(size: int) -> bytes:
    """The SVG rendered at size x size on a transparent background, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | set(ICNS_SIZES))
    pngs = {n: render(n) for n in sizes}

    for n in PNG_SIZES:
        out = HICOLOR / f"{n}x{n}" / "apps" / f"{buildinfo.APP_ID}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(pngs[n])
        print(f"wrote {out.relative_to(ROOT)}")

    try:
        from PIL import Image
    except ImportError:
        print("make_icons: Pillow is missing; .ico and .icns not rebuilt", file=sys.stderr)
        return 1

    def images(ns):
        return [Image.open(io.BytesIO(pngs[n])).convert("RGBA") for n in ns]

    ICO.parent.mkdir(parents=True, exist_ok=True)
    ico = images(sorted(ICO_SIZES, reverse=True))
    ico[0].save(ICO, format="ICO", sizes=[(n, n) for n in ICO_SIZES], append_images=ico[1:])
    print(f"wrote {ICO.relative_to(ROOT)}")

    ICNS.parent.mkdir(parents=True, exist_ok=True)
    icns = images(sorted(ICNS_SIZES, reverse=True))
    icns[0].save(ICNS, format="ICNS", append_images=icns[1:])
    print(f"wrote {ICNS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
