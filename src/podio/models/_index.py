"""Which module defines each public model: `podio` imports them on first use."""

from __future__ import annotations

MODELS: dict[str, str] = {
    "ByLine": "by_line",
    "Comment": "comment",
    "Embed": "embed",
    "ExternalFile": "external_file",
    "FileAttachment": "file_attachment",
    "Hook": "hook",
    "Notification": "notification",
    "NotificationGroup": "notification_group",
    "Organization": "organization",
    "Profile": "profile",
    "Question": "question",
    "QuestionAnswer": "question_answer",
    "QuestionOption": "question_option",
    "Rating": "rating",
    "Recurrence": "recurrence",
    "Reminder": "reminder",
    "Search": "search",
    "Space": "space",
    "SpaceContact": "space_contact",
    "Status": "status",
    "Subscription": "subscription",
    "Tag": "tag",
    "TagSearch": "tag_search",
    "Task": "task",
    "TaskLabel": "task_label",
    "TaskSummary": "task_summary",
    "TaskSummaryGroup": "task_summary_group",
    "Via": "via",
}
