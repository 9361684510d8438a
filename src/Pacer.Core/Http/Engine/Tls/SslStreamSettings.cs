using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Pacer.Core.Http.Engine.Tls;

/// <summary>The certificates an SslStream connection needs, read once per <see cref="TlsOptions"/>.</summary>
internal static class SslStreamSettings
{
    private static readonly ConcurrentDictionary<TlsOptions, (X509Certificate2? Client, X509Certificate2Collection? Trusted)> Loaded = new();

    public static X509Certificate2? ClientCertificate(TlsOptions options) => Load(options).Client;

    public static X509Certificate2Collection? TrustedRoots(TlsOptions options) => Load(options).Trusted;

    private static (X509Certificate2? Client, X509Certificate2Collection? Trusted) Load(TlsOptions options) => Loaded.GetOrAdd(options, static o =>
    {
        X509Certificate2? client = null;
        X509Certificate2Collection? trusted = null;
        try
        {
            if (o.ClientCertificateFile is { } certificate && o.ClientKeyFile is { } key)
            {
                client = X509Certificate2.CreateFromPemFile(certificate, key);
                if (OperatingSystem.IsWindows())
                {
                    // SChannel wants the key in a store-backed form, not an ephemeral one.
                    client = X509CertificateLoader.LoadPkcs12(client.Export(X509ContentType.Pkcs12), null);
                }
            }

            if (o.CaCertificateFile is { } caFile)
            {
                trusted = [];
                trusted.ImportFromPemFile(caFile);
                if (trusted.Count == 0)
                {
                    throw new TlsConfigurationException($"--ca-cert {caFile}: no PEM certificate in it");
                }
            }
        }
        catch (CryptographicException exception)
        {
            throw new TlsConfigurationException($"cannot read the TLS files ({o.ClientCertificateFile ?? o.CaCertificateFile}): {exception.Message}");
        }

        return (client, trusted);
    });
}
