"""Build a Bootstrap Icons font and stylesheet with only the icons EcoBiz uses.

The full icon font is 134 KB, a heavy first download on a metered phone
connection, while the templates use a few dozen of its 2,000 icons. This
script finds every `bi-NAME` class in templates/, cuts the font down to
those glyphs and writes a matching stylesheet.

Run it after `npm ci` (it reads node_modules/bootstrap-icons) and after adding
an icon to a template; it needs fontTools and brotli:

    make install-test
    .venv/bin/python frontend/scripts/subset_icons.py

`npm run build` runs it last, since copying the vendor files clears the
folder it writes to.
"""

import json
import re
import sys
from pathlib import Path

from fontTools import subset

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "frontend" / "node_modules" / "bootstrap-icons" / "font"
OUTPUT = ROOT / "static" / "vendor" / "bootstrap-icons"
ICON_CLASS = re.compile(r"\bbi-([a-z0-9-]+)")

STYLESHEET_HEAD = """/*!
 * Bootstrap Icons v{version} (https://icons.getbootstrap.com/), MIT licence.
 * Subset to the icons used in EcoBiz's templates by
 * frontend/scripts/subset_icons.py; do not edit by hand.
 */
@font-face {{
  font-display: block;
  font-family: "bootstrap-icons";
  src: url("./fonts/bootstrap-icons-subset.woff2") format("woff2");
}}
.bi::before,
[class^="bi-"]::before,
[class*=" bi-"]::before {{
  display: inline-block;
  font-family: bootstrap-icons !important;
  font-style: normal;
  font-weight: normal !important;
  font-variant: normal;
  text-transform: none;
  line-height: 1;
  vertical-align: -.125em;
  -webkit-font-smoothing: antialiased;
  -moz-osx-font-smoothing: grayscale;
}}
"""


def used_icons() -> set[str]:
    names = set()
    for template in (ROOT / "templates").rglob("*.html"):
        names.update(ICON_CLASS.findall(template.read_text()))
    return names


def main() -> int:
    codepoints = json.loads((PACKAGE / "bootstrap-icons.json").read_text())
    names = used_icons()
    unknown = sorted(name for name in names if name not in codepoints)
    if unknown:
        print(f"Unknown icon names in templates: {', '.join(unknown)}")
        return 1
    chosen = sorted(names)

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = []
    font = subset.load_font(str(PACKAGE / "fonts" / "bootstrap-icons.woff2"), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[codepoints[name] for name in chosen])
    subsetter.subset(font)
    (OUTPUT / "fonts").mkdir(parents=True, exist_ok=True)
    subset.save_font(
        font, str(OUTPUT / "fonts" / "bootstrap-icons-subset.woff2"), options
    )

    version = json.loads((PACKAGE.parent / "package.json").read_text())["version"]
    rules = "".join(
        f'.bi-{name}::before {{ content: "\\{codepoints[name]:x}"; }}\n'
        for name in chosen
    )
    stylesheet = STYLESHEET_HEAD.format(version=version) + rules
    (OUTPUT / "bootstrap-icons-subset.css").write_text(stylesheet)
    print(f"Wrote {len(chosen)} icons to {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
