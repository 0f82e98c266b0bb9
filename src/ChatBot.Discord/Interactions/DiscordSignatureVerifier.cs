using System.Text;
using NSec.Cryptography;

namespace ChatBot.Discord.Interactions;

/// <summary>
/// Checks Discord's Ed25519 signature of an HTTP interaction: the hex <c>X-Signature-Ed25519</c>
/// over the UTF-8 bytes of <c>X-Signature-Timestamp</c> followed by the raw body, against the
/// application's hex public key (PROTOCOLS.md §1.4).
/// </summary>
/// <remarks>Whether the timestamp is recent is <see cref="SignatureTimestamp"/>'s question.</remarks>
internal sealed class DiscordSignatureVerifier
{
    private const int SignatureBytes = 64;

    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;

    private readonly PublicKey _publicKey;

    private DiscordSignatureVerifier(PublicKey publicKey) => _publicKey = publicKey;

    /// <summary>Reads the hex public key; false when it is not 64 hex characters of a valid key.</summary>
    public static bool TryCreate(string? publicKeyHex, out DiscordSignatureVerifier? verifier)
    {
        verifier = null;
        if (string.IsNullOrWhiteSpace(publicKeyHex) || publicKeyHex.Trim().Length != 64)
        {
            return false;
        }

        byte[] raw;
        try
        {
            raw = Convert.FromHexString(publicKeyHex.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        if (!PublicKey.TryImport(Ed25519, raw, KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            return false;
        }

        verifier = new DiscordSignatureVerifier(key);
        return true;
    }

    /// <summary>True only when both headers are present and the signature is valid for timestamp + body.</summary>
    public bool Verify(string? timestamp, ReadOnlySpan<byte> body, string? signatureHex, out string failure)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatureHex))
        {
            failure = "missing signature headers";
            return false;
        }

        if (signatureHex.Length != SignatureBytes * 2)
        {
            failure = "signature of the wrong length";
            return false;
        }

        byte[] signature;
        try
        {
            signature = Convert.FromHexString(signatureHex);
        }
        catch (FormatException)
        {
            failure = "signature is not hex";
            return false;
        }

        var timestampBytes = Encoding.UTF8.GetByteCount(timestamp);
        var message = new byte[timestampBytes + body.Length];
        Encoding.UTF8.GetBytes(timestamp, message);
        body.CopyTo(message.AsSpan(timestampBytes));
        if (!Ed25519.Verify(_publicKey, message, signature))
        {
            failure = "bad signature";
            return false;
        }

        failure = "";
        return true;
    }
}
