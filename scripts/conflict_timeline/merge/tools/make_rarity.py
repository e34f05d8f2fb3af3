"""Write merge/data/rarity.yaml: how common English words are, from the `wordfreq` package.

    python3 -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq
    /tmp/wf/bin/python scripts/conflict_timeline/merge/tools/make_rarity.py > scripts/conflict_timeline/merge/data/rarity.yaml

wordfreq is not a dependency: this script is run by hand when the list is remade. Words are
the TOP most frequent English ones of wordfreq's `top_n_list`, letters only, two or more
characters, in bands of their Zipf frequency (log10 of occurrences per billion words) rounded
down to BAND; a word not listed is rarer than every listed one.
"""

from __future__ import annotations

import math
import sys

TOP = 30000
BAND = 0.5


def main() -> None:
    import importlib.metadata

    from wordfreq import top_n_list, zipf_frequency

    bands: dict[float, list[str]] = {}
    for word in top_n_list("en", TOP):
        if len(word) < 2 or not word.isalpha() or not word.isascii():
            continue
        zipf = math.floor(zipf_frequency(word, "en") / BAND) * BAND
        bands.setdefault(zipf, []).append(word)
    version = importlib.metadata.version("wordfreq")
    out = sys.stdout
    out.write("# format: conflict-timeline word rarity v1\n")
    out.write("# How common English words are: `bands` maps a Zipf frequency (log10 of occurrences per\n"
              "# billion words, rounded down to 0.5) to the words of that band, space-separated, lower case.\n"
              "# A word not listed is rarer than all of them. The merge stage weighs shared words by rarity.\n")
    out.write(f"# Source: wordfreq {version} (https://github.com/rspeer/wordfreq), top_n_list('en', {TOP}) and\n"
              "# zipf_frequency; made by merge/tools/make_rarity.py. wordfreq's code is Apache-2.0; its word\n"
              "# frequency data is CC BY-SA 4.0 (Robyn Speer and contributors), and so is this derived list.\n")
    out.write("examples:\n  - {word: the, band: 7.5}\n  - {word: police, band: 5.0}\n  - {word: ranchester, band: null}\n")
    out.write("bands:\n")
    for zipf in sorted(bands, reverse=True):
        out.write(f'  "{zipf:.1f}": "{" ".join(sorted(bands[zipf]))}"\n')


if __name__ == "__main__":
    main()
