"""Rows laid out for the terminal's width: a table in a wide one, one block per row in a
narrow one (its heading on a line of its own, then one line per field), so that no cell
is cut short with "…" and no line is wider than the terminal.

Every cell is a ``rich.text.Text``, never markup: article text with "[the police]" or
"[/x]" is shown as it is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Column, Table
from rich.text import Text

WIDE_COLUMNS = 120  # from this width on, rows are a table
BLOCK_INDENT = 2
LONGEST_WORD = 20  # a longer word (a URL) may be folded in a table
TABLE_RULES_PER_COLUMN = 3  # a rule and a space either side
Cell = Text | str | None


def cell(value: Cell, style: str = "") -> Text:
    """A cell of user text (never read as markup); None is empty."""
    if isinstance(value, Text):
        return value
    return Text("" if value is None else str(value), style=style)


@dataclass
class Records:
    """Rows of named fields. ``heading``: the column a block starts with (``heading_named``:
    that column's name before its value, as in "sentence 3"); ``no_wrap``: columns kept on
    one line in a table (short ids, dates); ``ratios``: the share of the table's width a
    wrapping column takes (1 unless given)."""

    title: str
    columns: Sequence[str]
    heading: int = 0
    heading_named: bool = False
    no_wrap: frozenset[str] = frozenset()
    ratios: Mapping[str, int] = field(default_factory=dict)
    rows: list[list[Text]] = field(default_factory=list)

    def add(self, *values: Cell) -> None:
        self.rows.append([cell(v) for v in values])


def is_wide(width: int) -> bool:
    return width >= WIDE_COLUMNS


def laid_out(records: Records, width: int) -> RenderableType:
    """The records as a table when the terminal is wide, else as one block per row."""
    return as_table(records, width) if is_wide(width) else as_blocks(records)


def as_table(records: Records, width: int) -> Table:
    """A table at most ``width`` wide: each column as wide as its widest cell if they fit,
    else at least as wide as its longest word (a one-line column: its widest cell), the
    rest shared by what the others lack, weighted by their ratios (no word cut with "…")."""
    table = Table(
        *(
            Column(name, width=w, no_wrap=name in records.no_wrap, overflow="fold")
            for name, w in zip(records.columns, column_widths(records, width), strict=True)
        ),
        title=records.title or None,
    )
    for row in records.rows:
        table.add_row(*row)
    return table


def column_widths(records: Records, width: int) -> list[int]:
    columns = list(records.columns)
    cells = [[name, *(row[i].plain for row in records.rows)] for i, name in enumerate(columns)]
    natural = [max(cell_len(line) for c in col for line in c.splitlines() or [""]) for col in cells]
    fixed = [name in records.no_wrap for name in columns]
    least = [
        n if one_line else min(n, LONGEST_WORD, max(cell_len(w) for c in col for w in c.split()))
        for n, one_line, col in zip(natural, fixed, cells, strict=True)
    ]
    available = width - TABLE_RULES_PER_COLUMN * len(columns) - 1
    if sum(natural) <= available:
        return natural
    widths = list(least)
    spare = max(0, available - sum(least))
    lacking = {
        i: (natural[i] - least[i]) * records.ratios.get(name, 1)
        for i, name in enumerate(columns)
        if not fixed[i] and natural[i] > least[i]
    }
    total = sum(lacking.values())
    for i, weight in lacking.items():
        widths[i] += min(natural[i] - least[i], spare * weight // total)
    return widths


def as_blocks(records: Records) -> Group:
    """The title, then per row: its heading in bold, then its other non-empty fields."""
    parts: list[RenderableType] = []
    if records.title:
        parts.append(Text(records.title, style="bold italic", overflow="fold"))
    for n, row in enumerate(records.rows):
        if n or records.title:
            parts.append(Text(""))
        parts.append(block_heading(records, row))
        fields = Table.grid(
            Column(style="dim", no_wrap=True), Column(overflow="fold"), padding=(0, 1)
        )
        for i, (name, value) in enumerate(zip(records.columns, row, strict=True)):
            if i != records.heading and value.plain:
                fields.add_row(name, value)
        parts.append(Padding(fields, (0, 0, 0, BLOCK_INDENT), expand=False))
    return Group(*parts)


def block_heading(records: Records, row: list[Text]) -> Text:
    value = row[records.heading]
    heading = Text(overflow="fold", style="bold")
    if records.heading_named:
        heading.append(f"{records.columns[records.heading]} ")
    heading.append_text(value)
    return heading
