using System.Security.Cryptography;
using System.Text;
using Sitrep.Core;

namespace Sitrep.Pipeline;

/// <summary>
/// The identity a document is stored under: SHA-256 over its URL, outlet and raw bytes. Re-reading the same input
/// gives the same hash (so ingest adds nothing twice), while a syndicated copy of the same text at another address
/// stays a document of its own, for near-duplicate detection to group rather than for storage to drop.
/// </summary>
public static class ContentHash
{
    /// <summary>Lower-case hex SHA-256 identity of <paramref name="raw"/>.</summary>
    public static string Of(RawDocument raw)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes((raw.Url ?? "") + "\0" + (raw.Source ?? "") + "\0"));
        sha.AppendData(raw.Content);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
