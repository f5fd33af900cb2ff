"""Names in messages: control characters escaped, other names as they are."""

from timeline_app.core.shown import inputs_named, shown


def test_control_characters_are_escaped_and_the_rest_kept():
    assert shown("a\nb\rc\td") == "a\\nb\\rc\\td"
    assert shown("x\x1b[2Jy\x07\x7f\x85") == "x\\x1b[2Jy\\x07\\x7f\\x85"
    assert shown("report\u202egpj.exe\u2028") == "report\\u202egpj.exe\\u2028"  # a name that reads backwards
    assert shown("C:\\news\\Zürich 2022.txt") == "C:\\news\\Zürich 2022.txt"
    assert shown(42) == "42"


def test_one_input_is_named_and_several_are_counted() -> None:
    assert inputs_named(["/home/me/news/"]) == "“news”"
    assert inputs_named(["https://example.org/world/talks.html"]) == "“talks.html”"
    assert inputs_named(["/x/a.txt", "/x/b.txt", "/x/c.txt"]) == "3 inputs"
    assert inputs_named(["/x/evil\nname.txt"]) == "“evil\\nname.txt”"  # a name cannot forge a line
