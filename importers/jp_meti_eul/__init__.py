"""Japan, METI: the End User List (外国ユーザーリスト) of foreign entities of WMD and conventional-weapons concern."""
