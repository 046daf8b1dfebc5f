"""The application forms editor: the histories and family the permanent-residence
application asks of each person (IMM 5669, the travel history, IMM 5406), with the
months and days they leave uncovered shown as they are edited.

``editor.FormsEditor`` is the dialog; ``status.FormsStatus`` the line that opens it.
"""
