using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.Repositories;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Web;

/// <summary>
/// Data Protection's keys in the portal's database, through the context factory: the portal registers no
/// scoped <see cref="PortalDbContext"/> (one would live as long as a Blazor circuit).
/// </summary>
public sealed class DataProtectionKeys(PortalDbFactory databases) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = databases.Create();
        return db.DataProtectionKeys.Select(k => k.Xml).AsEnumerable()
            .Where(xml => !string.IsNullOrEmpty(xml)).Select(xml => XElement.Parse(xml!)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = databases.Create();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
