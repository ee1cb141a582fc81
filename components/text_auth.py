"""Strings of sign-in, the account (change password, sign out) and page access, in English (EN)
and Simplified Chinese (ZH). The refusals of sign-in itself (wrong password, locked, disabled)
are the data layer's messages (data/auth_messages.py)."""

from __future__ import annotations

EN: dict[str, str] = {
    "nav.account": "Account",
    "page.sign_in": "Sign in",
    "page.account": "Account",
    "signin.login": "Sign-in name",
    "signin.password": "Password",
    "signin.submit": "Sign in",
    "signin.rules": (
        "Five wrong passwords in a row lock the account for 15 minutes. You stay signed in for "
        "at most 12 hours after signing in, and are signed out after 2 hours without a click."
    ),
    "signin.expired": (
        "Your session ended (12 hours after signing in, or 2 hours without a click). Please "
        "sign in again."
    ),
    "signin.signed_out": "You are signed out.",
    "signin.demo_header": "Demo accounts",
    "signin.demo_intro": (
        "This is the demo company: these accounts and their passwords are public, one per role "
        "(a lead sees their team, a rep sees themself). A company's own data never has them."
    ),
    "signin.demo_login": "Sign-in name",
    "signin.demo_password": "Password",
    "signin.demo_role": "Role",
    "signin.demo_who": "Who",
    "account.signed_in_as": "Signed in as **{name}** ({role})",
    "account.sign_out": "Sign out",
    "account.change_header": "Change your password",
    "account.current": "Current password",
    "account.new": "New password",
    "account.repeat": "New password again",
    "account.change_submit": "Change password",
    "account.rule": "A password has at least {low} characters.",
    "account.changed": "Your password was changed. Use the new one at your next sign-in.",
    "account.auth_off": (
        "Sign-in is off on this machine (HUDDLE_AUTH=off): everyone who opens Huddle here is an "
        "admin, and there is no password to change."
    ),
    "access.refused": ("Your role ({role}) may not open this page. Ask an admin if you need it."),
    "access.sign_in_first": "Sign in to open this page.",
    # A lead whose account names no team, or a rep no person: nothing is in scope (never all).
    "access.no_scope.lead": (
        "Your account is a lead's but names no team, so there are no numbers you may see."
        " Ask an admin to set your team on your account."
    ),
    "access.no_scope.rep": (
        "Your account is a rep's but names no person, so there are no numbers you may see."
        " Ask an admin to link your account to you."
    ),
    "access.no_scope.other": (
        "Your account's role ({role}) reads no numbers. Ask an admin to check your account."
    ),
    "user_role.admin": "admin",
    "user_role.manager": "manager",
    "user_role.lead": "lead",
    "user_role.rep": "rep",
    "user_role.viewer": "viewer",
    "user.local_admin": "This machine's user",
    "screen.header": "Wall-screen links",
    "screen.rules": (
        "A wall-screen link opens one team's stand-up in presentation mode with no one signed "
        "in: read-only, that team and its groups only, no other page. Amounts (targets, month "
        "to date, the day's money, the wins' amounts) are hidden unless the link shows them. "
        "The link is shown once, when it is made: copy it then. Revoking it stops every screen "
        "using it within 5 minutes."
    ),
    "screen.team": "Team",
    "screen.show_amounts": "Show amounts",
    "screen.amounts_help": (
        "Off: each person's target, month to date, day and the wins' amounts are hidden; "
        "ranks, attainment and pace still show."
    ),
    "screen.create": "Make a link",
    "screen.created": (
        "The link is made. Copy it now: it is shown only this once (Huddle keeps only a "
        "fingerprint of it)."
    ),
    "screen.none": "No wall-screen links yet.",
    "screen.line": "Link #{id} · **{team}** · {amounts} · made {made} · {state}",
    "screen.with_amounts": "amounts shown",
    "screen.no_amounts": "amounts hidden",
    "screen.active": "active",
    "screen.revoked_on": "revoked {at}",
    "screen.revoke": "Revoke",
    "signin.sso_button": "Sign in with {provider}",
    "signin.sso_default": "single sign-on",
    "signin.sso_rule": (
        "Single sign-on finds the Huddle account whose sign-in name is your e-mail address "
        "(case does not matter); a disabled account is refused."
    ),
    "signin.sso_or": "Or sign in with a Huddle password:",
    "first_admin.header": "Create the first admin",
    "first_admin.intro": (
        "This company's data has no admin yet. Create the first admin now; once an admin "
        "exists this form never shows again, and admins add everyone else "
        "(or: python cli.py user add LOGIN --role admin)."
    ),
    "first_admin.login": "Sign-in name (your e-mail address)",
    "first_admin.password": "Password",
    "first_admin.repeat": "Password again",
    "first_admin.submit": "Create the admin and sign in",
    "first_admin.rules": (
        "The sign-in name is an e-mail address or a name of 2 to 254 letters, digits and "
        ". _ - + @ (case is ignored). The password has at least {low} characters; type it "
        "twice."
    ),
}

ZH: dict[str, str] = {
    "nav.account": "账户",
    "page.sign_in": "登录",
    "page.account": "账户",
    "signin.login": "登录名",
    "signin.password": "密码",
    "signin.submit": "登录",
    "signin.rules": (
        "连续输错 5 次密码，账户将被锁定 15 分钟。登录后最长保持 12 小时；"
        "2 小时内没有任何操作则自动退出。"
    ),
    "signin.expired": "您的会话已结束（登录满 12 小时，或 2 小时内没有操作）。请重新登录。",
    "signin.signed_out": "您已退出登录。",
    "signin.demo_header": "演示账户",
    "signin.demo_intro": (
        "这是演示公司：以下账户及密码是公开的，每个角色一个（组长查看自己的团队，销售查看自己）。"
        "公司自己的数据中不会有这些账户。"
    ),
    "signin.demo_login": "登录名",
    "signin.demo_password": "密码",
    "signin.demo_role": "角色",
    "signin.demo_who": "姓名",
    "account.signed_in_as": "当前用户：**{name}**（{role}）",
    "account.sign_out": "退出登录",
    "account.change_header": "修改密码",
    "account.current": "当前密码",
    "account.new": "新密码",
    "account.repeat": "再次输入新密码",
    "account.change_submit": "修改密码",
    "account.rule": "密码至少 {low} 个字符。",
    "account.changed": "密码已修改。下次登录请使用新密码。",
    "account.auth_off": (
        "本机已关闭登录（HUDDLE_AUTH=off）：在本机打开 Huddle 的人都是管理员，没有可修改的密码。"
    ),
    "access.refused": "您的角色（{role}）无权打开此页面。如有需要，请联系管理员。",
    "access.sign_in_first": "请先登录再打开此页面。",
    "access.no_scope.lead": (
        "您的账户是组长账户，但未指定团队，因此没有可查看的数据。请联系管理员为您的账户设置团队。"
    ),
    "access.no_scope.rep": (
        "您的账户是销售账户，但未关联到具体人员，因此没有可查看的数据。请联系管理员关联您的账户。"
    ),
    "access.no_scope.other": "您的账户角色（{role}）无法查看数据。请联系管理员检查您的账户。",
    "user_role.admin": "管理员",
    "user_role.manager": "经理",
    "user_role.lead": "组长",
    "user_role.rep": "销售",
    "user_role.viewer": "只读",
    "user.local_admin": "本机用户",
    "screen.header": "大屏链接",
    "screen.rules": (
        "大屏链接无需登录即可以演示模式打开某个团队的站会：只读，只显示该团队及其下属小组，"
        "不能打开其他页面。除非链接允许显示金额，否则金额（目标、本月累计、当天金额、成交金额）"
        "均被隐藏。链接只在生成时显示一次，请当场复制。撤销后，使用它的大屏会在 5 分钟内停止显示。"
    ),
    "screen.team": "团队",
    "screen.show_amounts": "显示金额",
    "screen.amounts_help": (
        "关闭时：隐藏每个人的目标、本月累计、当天金额及成交金额；排名、达成率和进度仍显示。"
    ),
    "screen.create": "生成链接",
    "screen.created": "链接已生成。请立即复制：它只显示这一次（Huddle 只保存其指纹）。",
    "screen.none": "还没有大屏链接。",
    "screen.line": "链接 #{id} · **{team}** · {amounts} · 生成于 {made} · {state}",
    "screen.with_amounts": "显示金额",
    "screen.no_amounts": "隐藏金额",
    "screen.active": "有效",
    "screen.revoked_on": "已于 {at} 撤销",
    "screen.revoke": "撤销",
    "signin.sso_button": "使用 {provider} 登录",
    "signin.sso_default": "单点登录",
    "signin.sso_rule": (
        "单点登录会查找登录名与您的电子邮箱相同的 Huddle 账户（不区分大小写）；"
        "已停用的账户会被拒绝。"
    ),
    "signin.sso_or": "或使用 Huddle 密码登录：",
    "first_admin.header": "创建首位管理员",
    "first_admin.intro": (
        "该公司的数据还没有管理员。请现在创建首位管理员；一旦存在管理员，此表单将不再出现，"
        "其他用户由管理员添加（或：python cli.py user add 登录名 --role admin）。"
    ),
    "first_admin.login": "登录名（您的电子邮箱）",
    "first_admin.password": "密码",
    "first_admin.repeat": "再次输入密码",
    "first_admin.submit": "创建管理员并登录",
    "first_admin.rules": (
        "登录名为电子邮箱，或由 2 到 254 个字母、数字及 . _ - + @ 组成的名称（不区分大小写）。"
        "密码至少 {low} 个字符，需输入两次。"
    ),
}
