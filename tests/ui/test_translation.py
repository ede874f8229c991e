"""The Simplified Chinese interface: the shipped translation is complete, current and loaded."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import xml.etree.ElementTree as ET  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QLibraryInfo, Qt  # noqa: E402
from PySide6.QtWidgets import QDialogButtonBox  # noqa: E402

from ar_desktop.paths import TRANSLATIONS  # noqa: E402
from ar_desktop.ui.i18n import install_translator, remove_translator  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
TS = TRANSLATIONS / "ar_desktop_zh_CN.ts"
QM = TRANSLATIONS / "ar_desktop_zh_CN.qm"
UPDATE = "run scripts/update_translations.sh, translate what it reports and commit the .ts and .qm"


def _tool(name: str) -> str:
    path = Path(sys.executable).parent / name
    found = str(path) if path.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(ctx.findtext("name"), msg.findtext("source"), msg.find("translation"))
            for ctx in root.iter("context") for msg in ctx.iter("message")]


@pytest.fixture
def chinese(qapp):
    translator = install_translator(qapp, "zh_CN")
    assert translator is not None, f"{QM} did not load"
    yield translator
    remove_translator(qapp, translator)


@pytest.fixture
def chinese_window(chinese, request):
    # The translator has to be installed before the window builds its widgets.
    return request.getfixturevalue("window")


def test_main_window_speaks_chinese(chinese_window):
    w = chinese_window
    assert [w.tabs.tabText(i) for i in range(w.tabs.count())][:5] == ["概览", "客户", "发票", "收款", "催收"]
    menus = [a.text() for a in w.menuBar().actions()]
    assert menus[0] == "文件(&F)"
    assert "视图(&V)" in menus and "帮助(&H)" in menus
    file_menu = w.menuBar().actions()[0].menu()
    assert "打开(&O)…" in [a.text() for a in file_menu.actions()]

    def headers(model):
        return [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]

    assert headers(w.customers.model)[:2] == ["编号", "名称"]
    assert "信用额度" in headers(w.customers.model) and "未结余额" in headers(w.customers.model)
    assert "到期日" in headers(w.invoices.model)
    assert headers(w.collections.model)[1] == "客户"
    assert "未到期" in headers(w.collections.aging.model)
    assert w.collections.filter.itemText(0) == "所有需处理的客户"
    assert w.customers.new_button.text() == "新建客户…"
    assert w.collections.lower.tabText(1) == "账龄"
    assert "张发票" in w.invoices.totals.text()
    statuses = {w.invoices.model.index(r, [c.key for c in w.invoices.model.columns].index("status")).data()
                for r in range(w.invoices.model.rowCount())}
    assert statuses and all(re.search(r"[\u4e00-\u9fff]", s) for s in statuses), statuses


def test_qt_standard_buttons_are_chinese_too(chinese, qtbot):
    qm = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / "qtbase_zh_CN.qm"
    if not qm.exists():
        pytest.skip("this Qt ships no qtbase_zh_CN.qm")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_without_the_translator_the_window_is_english(window):
    assert window.tabs.tabText(0) == "Overview" and window.tabs.tabText(1) == "Customers"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_every_message_is_translated():
    problems = []
    for context, source, translation in _messages(TS):
        text = translation.text or ""
        kind = translation.get("type")
        if kind in ("vanished", "obsolete"):
            continue
        if kind == "unfinished" or not text.strip():
            problems.append(f"untranslated: {context} / {source!r}")
            continue
        if sorted(re.findall(r"\{\d+\}", source)) != sorted(re.findall(r"\{\d+\}", text)):
            problems.append(f"placeholders differ: {context} / {source!r} -> {text!r}")
        if source.count("&") != text.count("&"):
            problems.append(f"accelerator lost: {context} / {source!r} -> {text!r}")
        if source.endswith("…") != text.endswith("…"):
            problems.append(f"ellipsis differs: {context} / {source!r} -> {text!r}")
    assert not problems, "\n".join(problems + [UPDATE])


def test_ts_holds_every_string_of_the_interface(tmp_path):
    """Extract the sources again: a new string in the window, or a ``translate("Messages", ...)``
    template of the domain, services and storage, shows up here as untranslated."""
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    subprocess.run([_tool("pyside6-lupdate"), "-silent", "-extensions", "py", "-recursive", "-no-obsolete",
                    "-locations", "none", *(str(ROOT / "ar_desktop" / d) for d in ("ui", "services", "domain", "storage")),
                    "-ts", str(fresh)],
                   check=True, capture_output=True)
    committed = {(c, s) for c, s, _t in _messages(TS)}
    current = {(c, s): t for c, s, t in _messages(fresh)}
    new = sorted(k for k in current if k not in committed)
    untranslated = sorted(k for k, t in current.items() if t.get("type") == "unfinished" or not (t.text or "").strip())
    gone = sorted(committed - set(current))
    assert not (new or untranslated or gone), (f"new: {new}\nuntranslated: {untranslated}\nno longer in the "
                                               f"code: {gone}\n{UPDATE}")


def test_qm_is_compiled_from_the_current_ts(tmp_path):
    qm = tmp_path / QM.name
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(qm)], check=True, capture_output=True)
    assert qm.read_bytes() == QM.read_bytes(), f"{QM.name} is older than {TS.name}: {UPDATE}"


def test_chinese_window_has_one_file_menu_with_the_data_actions(qtbot, settings, tmp_path):
    from PySide6.QtWidgets import QApplication

    from ar_desktop.ui.i18n import install_translator, remove_translator
    from ar_desktop.ui.main_window import MainWindow

    app = QApplication.instance()
    installed = install_translator(app, "zh_CN")
    try:
        window = MainWindow(settings)
        qtbot.addWidget(window)
        titles = [a.text() for a in window.menuBar().actions()]
        assert titles.count("文件(&F)") == 1 and "&File" not in titles
        file_menu = window.menuBar().actions()[0].menu()
        texts = [a.text() for a in file_menu.actions()]
        assert texts.index(window.data_actions["backup"].text()) < texts.index("关闭公司(&C)")
    finally:
        remove_translator(app, installed)


def test_shipped_ladder_step_names_follow_the_interface_language(chinese):
    from ar_desktop.domain.ladder import default_ladder
    from ar_desktop.domain.ladder import SHIPPED_STEP_NAMES
    from ar_desktop.ui.worklist_model import step_text

    for step in default_ladder("B").steps:
        assert SHIPPED_STEP_NAMES[step.key] == step.name  # the table follows the shipped ladder
    assert step_text("demand_letter", "Formal demand letter (registered mail)") == "正式催款函（挂号信）"
    assert step_text("demand_letter", "Our own wording") == "Our own wording"  # renamed by the user
    assert step_text("custom_step", "Visit the customer") == "Visit the customer"


def test_a_refused_ladder_step_is_named_in_chinese(chinese):
    """The ladder editor's refusal names a shipped step by its name in the reader's language, not by its key."""
    from dataclasses import replace

    from ar_desktop.domain.errors import UserError
    from ar_desktop.domain.ladder import default_ladder, validate_ladder
    from ar_desktop.ui.i18n import render

    steps = list(default_ladder("B").steps)
    steps[-1] = replace(steps[-1], threshold_days=steps[-2].threshold_days)
    with pytest.raises(UserError) as e:
        validate_ladder(steps)
    assert render(e.value.message).startswith("第 6 步“移交催收机构”：其触发天数 30 必须大于上一步“法律行动”的触发天数（30）。")


def test_a_service_message_reaches_the_window_in_chinese(chinese):
    from ar_desktop.domain.errors import UserError, ValidationError
    from ar_desktop.domain.text import Text, translate
    from ar_desktop.ui.i18n import error_text, render

    note = Text(translate("Messages", "Cancelled; nothing was changed."))
    assert str(note) == "Cancelled; nothing was changed."
    assert render(note) == "已取消，未做任何更改。"
    assert error_text(UserError(note)) == "已取消，未做任何更改。"
    assert str(ValidationError({"x": note})) == "Cancelled; nothing was changed."


def test_switching_language_takes_effect_without_a_restart(window, qapp):
    """View ▸ Language: the window speaks the new language at once, on the same open file and tab,
    with one set of shortcuts (the old menus are gone), and service messages follow."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QAction, QKeySequence

    from ar_desktop.domain.text import Text, translate
    from ar_desktop.ui.i18n import SETTING, render, switch_language

    books = window.books
    window.tabs.setCurrentIndex(2)
    rows = window.invoices.model.rowCount()
    try:
        window.set_language("zh_CN")
        assert [window.tabs.tabText(i) for i in range(5)] == ["概览", "客户", "发票", "收款", "催收"]
        assert [a.text() for a in window.menuBar().actions()][0] == "文件(&F)"
        assert window.books is books and window.tabs.currentIndex() == 2
        assert window.invoices.model.rowCount() == rows and rows > 0
        assert "到期日" in [window.invoices.model.headerData(i, Qt.Orientation.Horizontal)
                          for i in range(window.invoices.model.columnCount())]
        assert render(Text(translate("Messages", "Cancelled; nothing was changed."))) == "已取消，未做任何更改。"
        assert window.settings.value(SETTING) == "zh_CN"
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # what the event loop does next
        live = [a for a in window.findChildren(QAction) if a.shortcut() == QKeySequence("Ctrl+1")]
        assert len(live) == 1, "the old menus' shortcuts are gone"
        checked = [a.text() for a in window.findChildren(QAction) if a.isCheckable() and a.isChecked()]
        assert checked == ["简体中文"]

        window.set_language("en")
        assert window.tabs.tabText(1) == "Customers" and window.books is books
        assert [a.text() for a in window.menuBar().actions()][0] == "&File"
    finally:
        switch_language(qapp, "en")


def test_worklist_states_and_promises_speak_chinese(chinese_window, qtbot):
    """The worklist says an account's state and a promise's in the domain's words (domain.collection_file),
    translated in the window: no English left in Chinese mode."""
    from ar_desktop.domain.collection_file import (PROMISE_STATUS_NAMES, STATE_NAMES, promise_status_text,
                                                   state_text)
    from ar_desktop.ui.i18n import render
    from ar_desktop.ui.worklist_model import COLUMN_KEYS

    for key in STATE_NAMES:
        assert re.fullmatch(r"[\u4e00-\u9fff]+", render(state_text(key))), key
    for key in PROMISE_STATUS_NAMES:
        assert re.fullmatch(r"[\u4e00-\u9fff]+", render(promise_status_text(key))), key
    w = chinese_window
    w.tabs.setCurrentWidget(w.collections)
    m = w.collections.model
    qtbot.waitUntil(lambda: m.rowCount() > 0, timeout=30_000)
    shown = {column: {m.index(r, COLUMN_KEYS.index(column)).data() for r in range(m.rowCount())} - {""}
             for column in ("state", "promise")}
    assert shown["state"] and shown["promise"], shown
    english = [t for texts in shown.values() for t in texts if re.search(r"[A-Za-z]", t)]
    assert not english, english
