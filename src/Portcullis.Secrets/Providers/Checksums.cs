using System.Text;

namespace Portcullis.Secrets.Providers;

/// <summary>
/// Checks that providers build into their tokens. GitHub (since 2021) and npm end a token with six
/// base62 characters: the CRC32 of the 30 random characters before them, so a well-formed but
/// invented token can be told from one a provider issued.
/// </summary>
internal static class Checksums
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static readonly uint[] Table = BuildTable();

    /// <summary><c>ghp_</c> + 30 random + 6 checksum (also gho_, ghu_, ghs_, ghr_, and npm_).</summary>
    public static bool Base62Crc32(string token)
    {
        var underscore = token.IndexOf('_', StringComparison.Ordinal);
        if (underscore < 0 || token.Length - underscore - 1 != 36)
        {
            return false;
        }
        var random = token.AsSpan(underscore + 1, 30);
        var checksum = token.AsSpan(underscore + 31, 6);
        return checksum.SequenceEqual(EncodeBase62(Crc32(Encoding.ASCII.GetBytes(random.ToString())), 6));
    }

    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return ~crc;
    }

    public static string EncodeBase62(uint value, int width)
    {
        var chars = new StringBuilder();
        do
        {
            chars.Insert(0, Base62[(int)(value % 62)]);
            value /= 62;
        }
        while (value > 0);
        return chars.ToString().PadLeft(width, '0');
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            table[i] = c;
        }
        return table;
    }
}
