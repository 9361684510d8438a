using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Infrastructure.Mail;

/// <summary>Adds a mail to the outbox; the caller's SaveChanges commits it with everything else.</summary>
public sealed class MailOutbox(StorefrontDbContext db, TimeProvider time)
{
    public OutboxMail Enqueue(string to, string subject, string body, string kind)
    {
        var mail = new OutboxMail
        {
            Id = Guid.CreateVersion7(),
            To = to,
            Subject = subject,
            Body = body,
            Kind = kind,
            CreatedAt = time.GetUtcNow(),
        };
        db.Set<OutboxMail>().Add(mail);
        return mail;
    }
}
