"""Time and size of an upload package item made of 12-megapixel phone photos.

    python benchmarks/bench_package.py [--photos N] [--rounds N] [--quick]

Each photo is 4000×3000 at JPEG quality 95 (noise: the hardest case for JPEG, about 13 MB).
Target: a 12 MP photo to its PDF page in under 2 s on a laptop, the item under 4 MB. With
--quick: 1000×750 photos, one round.
"""

from __future__ import annotations

import io
import statistics
import time

from PIL import Image
from timing import check, options

from ee_desktop.package import Source, build_item
from ee_desktop.package.build import MB


def photo(width: int, height: int) -> bytes:
    bands = [Image.effect_noise((width, height), 60).convert("L") for _ in range(3)]
    out = io.BytesIO()
    Image.merge("RGB", bands).save(out, "JPEG", quality=95)
    return out.getvalue()


def main() -> None:
    args = options(__doc__, photos=(2, 1), rounds=(3, 1), width=(4000, 1000))
    width = int(args.width)
    sources = [
        Source(f"photo-{i}.jpg", photo(width, width * 3 // 4)) for i in range(int(args.photos))
    ]
    before = sum(len(s.data) for s in sources)
    taken, built = [], None
    for _ in range(int(args.rounds)):
        start = time.perf_counter()
        built = build_item(sources, 4 * MB)
        taken.append(time.perf_counter() - start)
    check(built is not None and built.pdf is not None, "the item fits in 4 MB")
    assert built is not None and built.pdf is not None
    check(built.pages == len(sources), "one page per photo")
    per_photo = statistics.median(taken) / len(sources)
    print(
        f"{len(sources)} photos of {width}x{width * 3 // 4}: median {per_photo:.2f} s per photo; "
        f"{before / MB:.1f} MB -> {len(built.pdf) / MB:.2f} MB (JPEG quality {built.quality})"
    )


if __name__ == "__main__":
    main()
