"""The README cannot drift: every example it shows runs and prints what it shows (tools/readme.py).

When the output changes on purpose, `python tools/readme.py --update` rewrites the README from what
the commands print now; review the diff like any other change.
"""

from __future__ import annotations

import readme


def test_readme_examples_print_what_the_readme_shows() -> None:
    diff = readme.check()
    hint = "README.md differs from what its examples print (tools/readme.py --update):\n"
    assert not diff, hint + "\n".join(diff[:80])


def test_the_checker_sees_a_wrong_output(tmp_path) -> None:
    page = tmp_path / "README.md"
    page.write_text("```console\n$ echo hello\nhullo\n```\n", encoding="utf-8")
    assert any(line == "+hello" for line in readme.check(page))
    page.write_text("```console\n$ echo hello\nhello\n```\n", encoding="utf-8")
    assert readme.check(page) == []
