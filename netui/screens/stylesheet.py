"""The first screen's CSS, parsed once and not at every start (issue 18).

Textual parses every stylesheet a screen uses at each start: the App's and the Screen's, each
widget's DEFAULT_CSS (Input's, OptionList's, the footer's...) and netui's app.tcss, some 16,000
characters through its Python tokenizer, a tenth of the instructions to the first screen.
What it makes of them depends only on the CSS text, where it was read, the theme's
variables and Textual's code. `CachedStylesheet` keeps the rules parsed for the first screen
in a file beside netui's compiled modules (as Python keeps its bytecode), and reads them from
there at the next start: the same rule sets, unpickled. The file names the variables and
Textual's files it was made with; if either changed, or it cannot be read, the CSS is parsed
as before and the file written again after the first paint. If the file cannot be written
(netui installed read-only), every start parses, as Textual does.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import textual.css.stylesheet
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

CACHE_FILE = Path(__file__).resolve().parent.parent / "__pycache__" / "first-screen-css.pickle"
CACHE_FORMAT = 1
# Textual's files that make rules out of CSS: a new Textual (another size or time) parses again.
_TEXTUAL_CSS = Path(textual.css.stylesheet.__file__).parent


def textual_signature() -> tuple:
    signature = []
    for name in ("parse.py", "model.py", "styles.py", "_style_properties.py", "tokenize.py", "types.py"):
        stat = os.stat(_TEXTUAL_CSS / name)
        signature.append((name, stat.st_size, stat.st_mtime_ns))
    return (str(_TEXTUAL_CSS), tuple(signature))


RuleKey = tuple  # (css, read_from, is_default_rules, tie_breaker, scope): as Textual keys its parse cache


class CachedStylesheet(Stylesheet):
    """A Stylesheet that reads the rules parsed at an earlier start instead of parsing again."""

    def __init__(self, *, variables: dict[str, str] | None = None, cache_file: Path | None = None) -> None:
        super().__init__(variables=variables)
        self._cache_file = cache_file or CACHE_FILE
        self._parsed_before: dict[RuleKey, list[RuleSet]] = self._read()
        self._parsed_now: dict[RuleKey, list[RuleSet]] = {}
        self._saved = False

    def _header(self) -> tuple:
        return (CACHE_FORMAT, textual_signature(), sorted(self._variables.items()))

    def _read(self) -> dict[RuleKey, list[RuleSet]]:
        try:
            with open(self._cache_file, "rb") as file:
                header, rules = pickle.load(file)
            return rules if header == self._header() else {}
        except Exception:  # noqa: BLE001 -- no file, or one from another version: parse, as Textual does
            return {}

    def set_variables(self, variables: dict[str, str]) -> None:
        super().set_variables(variables)
        self._parsed_before = {}  # another theme: its rules are other rules

    def _parse_rules(self, css: str, read_from, is_default_rules: bool = False, tie_breaker: int = 0,
                     scope: str = "") -> list[RuleSet]:
        key = (css, read_from, is_default_rules, tie_breaker, scope)
        rules = self._parsed_before.get(key)
        if rules is None:
            rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
        if not self._saved:
            self._parsed_now[key] = rules
        return rules

    def save(self) -> None:
        """Keep the rules parsed until now for the next start (once: called after the first paint)."""
        if self._saved:
            return
        self._saved = True
        parsed, self._parsed_now = self._parsed_now, {}
        if parsed.keys() == self._parsed_before.keys() or any(rule.errors for rules in parsed.values() for rule in rules):
            return  # what the file holds (or CSS with errors, which Textual reports at every start)
        # Only what this start read. Kept beside it, the rules of another kind of start (the
        # welcome over an empty network: every user's first) were read back at every later
        # start too, a file half as big again (~8 M instructions). Two kinds of start in turn
        # write it in turn, after their first paint.
        partial = self._cache_file.with_name(f"{self._cache_file.name}.{os.getpid()}")
        try:
            self._cache_file.parent.mkdir(parents=True, exist_ok=True)
            with open(partial, "wb") as file:
                pickle.dump((self._header(), parsed), file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(partial, self._cache_file)  # whole or not at all, whoever else writes it
        except Exception:  # noqa: BLE001 -- read-only or full: the next start parses, as Textual does
            try:
                partial.unlink(missing_ok=True)
            except OSError:
                pass
