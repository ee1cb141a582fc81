"""Messages of backup and restore (data/backup.py), in English (EN) and Chinese (ZH), key
for key; data/messages.py joins them to the data layer's catalogue."""

from __future__ import annotations

EN: dict[str, str] = {
    "backup.app_holds": (
        "The database file {path} is open in the running Huddle app (process {pid}), and "
        "DuckDB lets no other program read it meanwhile. Back up from the app instead (Data "
        'page, "Back up the data"), or stop the app and run this command again.'
    ),
    "backup.app_holds_unknown": (
        "The database file {path} is open in another program (the running Huddle app?), and "
        "DuckDB lets no other program read it meanwhile. Back up from the app instead (Data "
        'page, "Back up the data"), or stop the app and run this command again.'
    ),
    "backup.no_database": "There is no database at {path} to back up.",
    "backup.exists": (
        "{path} already exists; Huddle does not overwrite a file. Choose another name."
    ),
    "backup.no_checksum": (
        "{path} has no checksum file beside it ({checksum}), so Huddle cannot tell whether "
        "the copy is complete. Nothing was changed."
    ),
    "backup.mismatch": (
        "{path} does not match its checksum in {checksum}: the copy is damaged or was "
        "changed after the backup. Nothing was changed; restore another backup."
    ),
    "backup.not_huddle": (
        "{path} is not a Huddle backup (DuckDB cannot read it as a Huddle database). "
        "Nothing was changed."
    ),
    "backup.restore_held": (
        "The database file {path} is open in the running Huddle app (or another program), so "
        "it cannot be replaced now. Stop the app, then restore again. Nothing was changed."
    ),
    "backup.server": (
        "The data is on the PostgreSQL server {url}, not in a DuckDB file, so Huddle's backup "
        "and restore do not apply. Nothing was changed. Back it up with the server's own tools "
        "(pg_dump, and pg_restore to restore), or copy it to a file with python cli.py copy."
    ),
}

ZH: dict[str, str] = {
    "backup.app_holds": (
        "数据库文件 {path} 正由运行中的 Huddle 应用（进程 {pid}）打开，此时 DuckDB 不允许其他程序"
        "读取。请在应用中备份（“数据”页的“备份数据”），或先停止应用再运行此命令。"
    ),
    "backup.app_holds_unknown": (
        "数据库文件 {path} 正由另一个程序（运行中的 Huddle 应用？）打开，此时 DuckDB 不允许其他"
        "程序读取。请在应用中备份（“数据”页的“备份数据”），或先停止应用再运行此命令。"
    ),
    "backup.no_database": "{path} 处没有可备份的数据库。",
    "backup.exists": "{path} 已存在；Huddle 不会覆盖文件。请换一个名称。",
    "backup.no_checksum": (
        "{path} 旁边没有校验文件（{checksum}），Huddle 无法判断该副本是否完整。未做任何更改。"
    ),
    "backup.mismatch": (
        "{path} 与 {checksum} 中的校验值不符：副本已损坏，或在备份后被改动过。未做任何更改；"
        "请恢复另一个备份。"
    ),
    "backup.not_huddle": (
        "{path} 不是 Huddle 备份（DuckDB 无法将其读作 Huddle 数据库）。未做任何更改。"
    ),
    "backup.restore_held": (
        "数据库文件 {path} 正由运行中的 Huddle 应用（或其他程序）打开，现在无法替换。"
        "请先停止应用，再重新恢复。未做任何更改。"
    ),
    "backup.server": (
        "数据在 PostgreSQL 服务器 {url} 上，不在 DuckDB 文件中，因此 Huddle 的备份与恢复不适用。"
        "未做任何更改。请用服务器自带的工具备份（pg_dump，恢复用 pg_restore），"
        "或用 python cli.py copy 复制到文件。"
    ),
}
