namespace Pacer.Hub.Features.Projects;

/// <summary>What a member may do in a project; each role includes the ones below it.</summary>
public enum ProjectRole
{
    /// <summary>See everything in the project.</summary>
    Read = 1,

    /// <summary>Also create and change specs, flows, environments, runs, monitors and alert channels.</summary>
    Write = 2,

    /// <summary>Also change the project, its members, invitations, API tokens and baseline.</summary>
    Admin = 3,

    /// <summary>Also delete the project.</summary>
    Owner = 4,
}

public static class ProjectRoles
{
    public static string Name(this ProjectRole role) => role switch
    {
        ProjectRole.Read => "read",
        ProjectRole.Write => "write",
        ProjectRole.Admin => "admin",
        ProjectRole.Owner => "owner",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static bool TryParse(string? text, out ProjectRole role)
    {
        role = (text ?? "").Trim().ToLowerInvariant() switch
        {
            "read" => ProjectRole.Read,
            "write" => ProjectRole.Write,
            "admin" => ProjectRole.Admin,
            "owner" => ProjectRole.Owner,
            _ => 0,
        };
        return role != 0;
    }
}
