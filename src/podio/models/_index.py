"""Which module defines each public model: `podio` imports them on first use."""

from __future__ import annotations

MODELS: dict[str, str] = {
    "Activity": "activity",
    "Answer": "answer",
    "ByLine": "by_line",
    "CalendarEvent": "calendar_event",
    "CalendarMute": "calendar_mute",
    "CalendarSummary": "calendar_summary",
    "CalendarSummaryGroup": "calendar_summary_group",
    "Conversation": "conversation",
    "ConversationEvent": "conversation_event",
    "ConversationMessage": "conversation_message",
    "ConversationParticipant": "conversation_participant",
    "Grant": "grant",
    "Integration": "integration",
    "Organization": "organization",
    "Profile": "profile",
    "Question": "question",
    "QuestionAnswer": "question_answer",
    "QuestionOption": "question_option",
    "Space": "space",
    "SpaceContact": "space_contact",
    "Status": "status",
    "StreamActivityGroup": "stream_activity_group",
    "StreamMute": "stream_mute",
    "StreamObject": "stream_object",
    "Via": "via",
    "Vote": "vote",
    "Voting": "voting",
    "Widget": "widget",
}
