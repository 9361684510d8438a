using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Pacer.Core.Tests.HttpEngine.Tls;

/// <summary>
/// A throwaway CA and the certificates the TLS tests need, made in memory and written as PEM files:
/// a valid server certificate for 127.0.0.1, an expired one, one for another name, a self-signed
/// one, and a client certificate for mutual TLS. Made once per test run (key generation is the slow part).
/// </summary>
internal sealed class TestCertificates
{
    private static readonly Lazy<TestCertificates> Shared = new(() => new TestCertificates());

    private TestCertificates()
    {
        Folder = Directory.CreateTempSubdirectory("pacer-tls-").FullName;
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Pacer Test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Ca = caRequest.CreateSelfSigned(now.AddDays(-30), now.AddDays(30));
        CaFile = Write("ca.pem", Ca.ExportCertificatePem());

        Server = Issue("CN=127.0.0.1", now.AddDays(-1), now.AddDays(30), san => san.AddIpAddress(IPAddress.Loopback), serverAuth: true);
        Expired = Issue("CN=127.0.0.1", now.AddDays(-10), now.AddDays(-2), san => san.AddIpAddress(IPAddress.Loopback), serverAuth: true);
        OtherName = Issue("CN=other.example", now.AddDays(-1), now.AddDays(30), san => san.AddDnsName("other.example"), serverAuth: true);
        Client = Issue("CN=pacer-client", now.AddDays(-1), now.AddDays(30), null, serverAuth: false);
        ClientCertificateFile = Write("client.pem", Client.ExportCertificatePem());
        ClientKeyFile = Write("client.key", Client.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());

        using var selfKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var selfRequest = new CertificateRequest("CN=127.0.0.1", selfKey, HashAlgorithmName.SHA256);
        var selfSan = new SubjectAlternativeNameBuilder();
        selfSan.AddIpAddress(IPAddress.Loopback);
        selfRequest.CertificateExtensions.Add(selfSan.Build());
        SelfSigned = Exportable(selfRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30)));
    }

    public static TestCertificates Instance => Shared.Value;

    public string Folder { get; }

    public X509Certificate2 Ca { get; }

    public string CaFile { get; }

    public X509Certificate2 Server { get; }

    public X509Certificate2 Expired { get; }

    public X509Certificate2 OtherName { get; }

    public X509Certificate2 SelfSigned { get; }

    public X509Certificate2 Client { get; }

    public string ClientCertificateFile { get; }

    public string ClientKeyFile { get; }

    private X509Certificate2 Issue(string subject, DateTimeOffset from, DateTimeOffset to, Action<SubjectAlternativeNameBuilder>? names, bool serverAuth)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        if (names is not null)
        {
            var san = new SubjectAlternativeNameBuilder();
            names(san);
            request.CertificateExtensions.Add(san.Build());
        }

        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        var serial = new byte[8];
        RandomNumberGenerator.Fill(serial);
        using var issued = request.Create(Ca, from, to, serial);
        return Exportable(issued.CopyWithPrivateKey(key));
    }

    // Kestrel on Linux wants a certificate whose key it can use for the handshake: round-trip through PKCS#12.
    private static X509Certificate2 Exportable(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);

    private string Write(string name, string pem)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, pem);
        return path;
    }
}
