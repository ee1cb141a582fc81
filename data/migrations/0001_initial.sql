-- Huddle's canonical schema. Money is stored as integer cents (BIGINT) so sums are exact.
-- Foreign keys are checked by the ingestion layer rather than declared, because DuckDB
-- forbids updating rows that declared foreign keys point at (a team's leader, say).

CREATE TABLE teams (
    team_id       INTEGER PRIMARY KEY,
    name          VARCHAR NOT NULL UNIQUE,
    parent_id     INTEGER,            -- NULL for a top-level team; groups point at their team
    channel       VARCHAR NOT NULL CHECK (channel IN ('retail', 'wholesale', 'private_domain', 'showroom', 'other')),
    leader_rep_id INTEGER
);

CREATE TABLE reps (
    rep_id     INTEGER PRIMARY KEY,
    name       VARCHAR NOT NULL,
    team_id    INTEGER NOT NULL,      -- the group (or team) the person sits in today
    role       VARCHAR NOT NULL CHECK (role IN ('sales_rep', 'account_manager', 'customer_service', 'inventory',
                                                'group_leader', 'deputy_leader', 'data_analyst', 'sales_manager')),
    hire_date  DATE NOT NULL,
    leave_date DATE,
    CHECK (leave_date IS NULL OR leave_date >= hire_date)
);

CREATE TABLE customers (
    customer_id   INTEGER PRIMARY KEY,
    name          VARCHAR NOT NULL,
    owner_rep_id  INTEGER,
    tier          VARCHAR,
    industry      VARCHAR,
    region        VARCHAR,
    city          VARCHAR,
    size_band     VARCHAR,
    channel       VARCHAR,
    acquired_date DATE
);

CREATE TABLE products (
    product_id       INTEGER PRIMARY KEY,
    name             VARCHAR NOT NULL UNIQUE,
    category         VARCHAR NOT NULL,
    list_price_cents BIGINT NOT NULL CHECK (list_price_cents >= 0)
);

-- One row per order line. team_id is the team credited with the sale when it happened, so a
-- rep who later moves or leaves keeps their history in the team they sold for.
CREATE TABLE orders (
    order_id         VARCHAR NOT NULL,
    line_no          INTEGER NOT NULL,
    order_date       DATE NOT NULL,
    customer_id      INTEGER NOT NULL,
    rep_id           INTEGER NOT NULL,
    team_id          INTEGER NOT NULL,
    product_id       INTEGER NOT NULL,
    quantity         INTEGER NOT NULL,
    net_amount_cents BIGINT NOT NULL,
    cost_cents       BIGINT NOT NULL,
    status           VARCHAR NOT NULL CHECK (status IN ('completed', 'returned', 'cancelled'))
);

CREATE TABLE deals (
    deal_id      VARCHAR PRIMARY KEY,
    customer_id  INTEGER,             -- open deals in real CRMs often have no account yet
    rep_id       INTEGER NOT NULL,
    team_id      INTEGER NOT NULL,
    product_id   INTEGER,
    stage        VARCHAR NOT NULL CHECK (stage IN ('lead', 'contact', 'follow_up', 'negotiation', 'won', 'lost')),
    created_date DATE NOT NULL,
    closed_date  DATE,
    amount_cents BIGINT,
    lost_reason  VARCHAR,
    CHECK ((stage IN ('won', 'lost')) = (closed_date IS NOT NULL)),
    CHECK (closed_date IS NULL OR closed_date >= created_date)
);

-- Calls, visits, messages and meetings with customers: the follow-up record (回访).
CREATE TABLE activities (
    activity_id        BIGINT NOT NULL,
    activity_date      DATE NOT NULL,
    customer_id        INTEGER,
    rep_id             INTEGER NOT NULL,
    team_id            INTEGER NOT NULL,
    kind               VARCHAR NOT NULL CHECK (kind IN ('call', 'visit', 'message', 'meeting')),
    outcome            VARCHAR,
    next_follow_up_date DATE
);

CREATE TABLE feedback (
    feedback_id   BIGINT PRIMARY KEY,
    feedback_date DATE NOT NULL,
    customer_id   INTEGER,
    rep_id        INTEGER,
    team_id       INTEGER,
    csat          SMALLINT CHECK (csat BETWEEN 1 AND 5),
    nps           SMALLINT CHECK (nps BETWEEN 0 AND 10),
    kind          VARCHAR NOT NULL CHECK (kind IN ('complaint', 'suggestion', 'praise', 'question')),
    text          VARCHAR,
    resolved_date DATE,
    CHECK (resolved_date IS NULL OR resolved_date >= feedback_date)
);

-- Targets per period and scope. value is in the KPI's base unit: cents for money, a count otherwise.
-- scenario NULL is the official, published target; named scenarios are what-if drafts.
CREATE TABLE targets (
    period_start DATE NOT NULL,
    period_end   DATE NOT NULL,
    scope        VARCHAR NOT NULL CHECK (scope IN ('company', 'team', 'rep')),
    scope_id     INTEGER,
    metric       VARCHAR NOT NULL,
    value        BIGINT NOT NULL CHECK (value >= 0),
    scenario     VARCHAR,
    CHECK (period_end >= period_start),
    CHECK ((scope = 'company') = (scope_id IS NULL))
);

-- Performance reviews; the reviews issue builds the forms. Rows are versions: an edit adds one.
CREATE TABLE reviews (
    review_id     VARCHAR NOT NULL,
    version       INTEGER NOT NULL,
    submission_id VARCHAR NOT NULL UNIQUE,
    rep_id        INTEGER NOT NULL,
    period_start  DATE NOT NULL,
    period_end    DATE NOT NULL,
    kind          VARCHAR NOT NULL CHECK (kind IN ('weekly_summary', 'monthly_evaluation', 'quarterly_review', 'one_to_one')),
    status        VARCHAR NOT NULL CHECK (status IN ('draft', 'submitted')),
    reviewer      VARCHAR NOT NULL,
    scores        JSON,
    notes         JSON,
    kpi_snapshot  JSON,
    created_at    TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (review_id, version)
);
