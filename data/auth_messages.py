"""Messages of sign-in, users and wall-screen links (data/auth.py, data/screen_tokens.py), in
English (EN) and Chinese (ZH), key for key; data/messages.py joins them to the data layer's
catalogue."""

from __future__ import annotations

EN: dict[str, str] = {
    "auth.login_invalid": (
        "'{login}' cannot be a sign-in name: use an e-mail address or a name of {low} to {high} "
        "letters, digits and . _ - + @, without spaces. Nothing was saved."
    ),
    "auth.login_taken": "There is already a user '{login}'. Nothing was saved.",
    "auth.display_name_invalid": (
        "The display name must be 1 to {high} characters. Nothing was saved."
    ),
    "auth.role_unknown": (
        "'{role}' is not a role: use admin, manager, lead, rep or viewer. Nothing was saved."
    ),
    "auth.rep_needed": (
        "A {role} is a person on the team: give their person id (rep_id). Nothing was saved."
    ),
    "auth.rep_unknown": "There is no person with id {rep_id}. Nothing was saved.",
    "auth.team_needed": (
        "A lead leads a team: give the team id (team_id) they lead. Nothing was saved."
    ),
    "auth.team_only_lead": (
        "Only a lead has a team of their own; a {role} sees what the role allows. Nothing was "
        "saved."
    ),
    "auth.team_unknown": "There is no team with id {team_id}. Nothing was saved.",
    "auth.password_short": (
        "The password is too short: it must be at least {low} characters long (it has "
        "{length}). Nothing was saved."
    ),
    "auth.password_long": (
        "The password is too long: it must be at most {high} characters. Nothing was saved."
    ),
    "auth.old_password_wrong": (
        "The current password is not right, so the password was not changed."
    ),
    "auth.passwords_differ": "The two passwords typed differ. Nothing was saved.",
    "auth.no_user": "There is no user '{login}'.",
    "auth.last_admin": (
        "'{login}' is the only admin who can sign in: make another admin first, so someone can "
        "still manage users. Nothing was changed."
    ),
    "auth.wrong_password": (
        "The sign-in name or the password is not right. After {limit} wrong passwords in a row "
        "the account is locked for {minutes} minutes."
    ),
    "auth.locked": (
        "This account is locked after {limit} wrong passwords in a row, until {until} (UTC). "
        "Try again then, or ask an admin to reset the password."
    ),
    "auth.disabled": "This account is disabled. Ask an admin to enable it.",
    "auth.token_team_unknown": "There is no team with id {team_id}. No link was made.",
    "auth.token_invalid": (
        "This wall-screen link is not valid: it was revoked or never existed. Ask an admin for "
        "a new link."
    ),
    "auth.token_unknown": "There is no wall-screen link with id {token_id}.",
    "auth.admin_exists": (
        "An admin already exists, so the first admin cannot be created here again. Sign in, "
        "or ask that admin for an account. Nothing was saved."
    ),
    "auth.sso_no_email": (
        "The identity provider did not give a verified e-mail address, so no Huddle account "
        "can be matched. Ask an admin."
    ),
    "auth.sso_no_account": (
        "No Huddle account for {email}; ask an admin to add one with this e-mail address as "
        "its sign-in name."
    ),
}

ZH: dict[str, str] = {
    "auth.login_invalid": (
        "“{login}”不能作为登录名：请使用电子邮箱，或由 {low} 到 {high} 个字母、数字及 . _ - + @ "
        "组成、不含空格的名称。本次未保存。"
    ),
    "auth.login_taken": "已存在用户“{login}”。本次未保存。",
    "auth.display_name_invalid": "显示名称须为 1 到 {high} 个字符。本次未保存。",
    "auth.role_unknown": (
        "“{role}”不是有效角色：请使用 admin（管理员）、manager（经理）、lead（组长）、"
        "rep（销售）或 viewer（只读）。本次未保存。"
    ),
    "auth.rep_needed": "{role} 是团队中的成员：请提供其人员编号（rep_id）。本次未保存。",
    "auth.rep_unknown": "不存在编号为 {rep_id} 的人员。本次未保存。",
    "auth.team_needed": "组长负责一个团队：请提供其负责的团队编号（team_id）。本次未保存。",
    "auth.team_only_lead": "只有组长拥有自己的团队；{role} 按其角色权限查看。本次未保存。",
    "auth.team_unknown": "不存在编号为 {team_id} 的团队。本次未保存。",
    "auth.password_short": ("密码太短：至少需要 {low} 个字符（当前为 {length} 个）。本次未保存。"),
    "auth.password_long": "密码太长：最多 {high} 个字符。本次未保存。",
    "auth.old_password_wrong": "当前密码不正确，密码未修改。",
    "auth.passwords_differ": "两次输入的密码不一致。本次未保存。",
    "auth.no_user": "不存在用户“{login}”。",
    "auth.last_admin": (
        "“{login}”是唯一可以登录的管理员：请先设置另一位管理员，以便仍有人能管理用户。本次未修改。"
    ),
    "auth.wrong_password": (
        "登录名或密码不正确。连续输错 {limit} 次密码后，账户将被锁定 {minutes} 分钟。"
    ),
    "auth.locked": (
        "该账户因连续输错 {limit} 次密码已被锁定，直到 {until}（UTC）。"
        "请届时再试，或请管理员重置密码。"
    ),
    "auth.disabled": "该账户已停用，请联系管理员启用。",
    "auth.token_team_unknown": "不存在编号为 {team_id} 的团队。未生成链接。",
    "auth.token_invalid": "该大屏链接无效：已被撤销或从未存在。请向管理员索取新链接。",
    "auth.token_unknown": "不存在编号为 {token_id} 的大屏链接。",
    "auth.admin_exists": (
        "已存在管理员，不能在此再次创建首位管理员。请登录，或向该管理员申请账户。本次未保存。"
    ),
    "auth.sso_no_email": "身份提供方没有提供已验证的电子邮箱，无法匹配 Huddle 账户。请联系管理员。",
    "auth.sso_no_account": (
        "没有与 {email} 对应的 Huddle 账户；请管理员以该电子邮箱为登录名添加账户。"
    ),
}
