"""Dialogs: each collects input from its form, calls one service and shows its message."""
