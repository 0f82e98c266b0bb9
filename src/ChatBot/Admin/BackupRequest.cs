namespace ChatBot.Admin;

/// <summary>The body of <c>POST /admin/backup</c>: the absolute path (file or folder) the bot writes the backup to.</summary>
internal sealed record BackupRequest(string Path);
