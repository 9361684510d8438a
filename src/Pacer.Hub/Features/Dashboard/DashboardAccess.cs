using Microsoft.EntityFrameworkCore;
using Pacer.Hub.Features.Projects;
using Pacer.Hub.Infrastructure.Auth;
using Pacer.Hub.Infrastructure.Database;

namespace Pacer.Hub.Features.Dashboard;

/// <summary>The signed-in person's project by slug, only when they are a member (the same rule as the API: otherwise it does not exist for them).</summary>
internal static class DashboardAccess
{
    public static async Task<(Project Project, ProjectRole Role)?> ProjectAsync(HttpContext http, HubDbContext db, string slug)
    {
        var project = await db.Set<Project>().AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, http.RequestAborted);
        if (project is null)
        {
            return null;
        }

        var role = await ProjectAccessFilter.RoleOfAsync(db, http.User, project.Id, http.RequestAborted);
        return role is null ? null : (project, role.Value);
    }
}
