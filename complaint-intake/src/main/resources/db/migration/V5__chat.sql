-- Chat bridges (Telegram, WhatsApp): the conversation that collects a complaint, message by message.

-- One open conversation per sender. The key holds the sender's chat id or phone number (personal data): it stays in
-- this table, is deleted once the complaint is accepted or cancelled, and expires after
-- aduan.intake.chat.conversation-expiry (24 h). The row lock (select ... for update) serializes the messages of one
-- sender across requests and instances, so that two at once cannot both publish.
create table chat_conversation (
    conversation_key         varchar(80)  primary key,
    channel                  varchar(20)  not null,
    -- ASK_TEXT, ASK_REGION, ASK_CATEGORY, SUBMITTING, NOT_SAVED
    step                     varchar(20)  not null,
    description              text,
    category_code            varchar(20),
    region_code              varchar(8),
    latitude                 double precision,
    longitude                double precision,
    -- the platform's id of a photo (Telegram file_id, WhatsApp media id); the image itself is never downloaded
    attachment_ref           varchar(300),
    attempts                 integer      not null default 0,
    -- the citizen was asked enough times: the complaint goes on with the unclear reading, marked for triage
    region_unclear_accepted  boolean      not null default false,
    category_unclear_accepted boolean     not null default false,
    created_at               timestamptz  not null default now(),
    updated_at               timestamptz  not null
);
create index chat_conversation_updated on chat_conversation (updated_at);

-- Platform message ids already handled (Telegram update_id, WhatsApp wamid): a redelivery changes nothing.
-- Kept longer than the platforms retry (WhatsApp: up to 7 days).
create table chat_processed_message (
    message_key  varchar(250) primary key,
    processed_at timestamptz  not null default now()
);
create index chat_processed_message_at on chat_processed_message (processed_at);

-- The platform's reference of a photo sent with a complaint (not the image).
create table chat_attachment (
    complaint_id uuid primary key references complaint_status (complaint_id) on delete cascade,
    channel      varchar(20)  not null,
    file_ref     varchar(300) not null,
    created_at   timestamptz  not null default now()
);
