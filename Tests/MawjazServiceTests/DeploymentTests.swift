// docs/kubernetes/serve.yaml and the Dockerfile, read as Kubernetes and Docker would, and their command run here.
import Foundation
import Testing
import TestSupport
import Yams

@Suite struct DeploymentTests {
    static func manifests() throws -> [String: [String: Any]] {
        let text = try String(contentsOf: TestSupport.root.appendingPathComponent("docs/kubernetes/serve.yaml"), encoding: .utf8)
        var byKind: [String: [String: Any]] = [:]
        for document in try Yams.load_all(yaml: text) {
            let object = try #require(document as? [String: Any])
            byKind[try #require(object["kind"] as? String)] = object
        }
        return byKind
    }

    @Test func theDeploymentServiceAndAutoscalerFitTogether() throws {
        let manifests = try Self.manifests()
        #expect(Set(manifests.keys) == ["Deployment", "Service", "HorizontalPodAutoscaler"])
        let deployment = try #require(manifests["Deployment"])
        let name = try #require((deployment["metadata"] as? [String: Any])?["name"] as? String)
        let spec = try #require(deployment["spec"] as? [String: Any])
        let labels = try #require((spec["selector"] as? [String: Any])?["matchLabels"] as? [String: String])
        let pod = try #require(spec["template"] as? [String: Any])
        #expect((pod["metadata"] as? [String: Any])?["labels"] as? [String: String] == labels)
        let podSpec = try #require(pod["spec"] as? [String: Any])
        let container = try #require((podSpec["containers"] as? [[String: Any]])?.first)
        let arguments = try #require(container["args"] as? [String])
        #expect(arguments.first == "serve")
        let port = try #require(arguments.firstIndex(of: "--port").map { Int(arguments[$0 + 1]) } ?? nil)
        let ports = try #require(container["ports"] as? [[String: Any]])
        #expect(ports.first?["containerPort"] as? Int == port)
        #expect(arguments[try #require(arguments.firstIndex(of: "--host")) + 1] == "0.0.0.0")
        for probe in ["readinessProbe", "livenessProbe"] {
            let get = try #require((container[probe] as? [String: Any])?["httpGet"] as? [String: Any])
            #expect(get["path"] as? String == "/healthz")
            #expect(get["port"] as? String == ports.first?["name"] as? String)
        }
        // The grace period covers the preStop pause, a whole request's time budget and the drain of its answer.
        let budget = try #require(arguments.firstIndex(of: "--time-budget").flatMap { Int(arguments[$0 + 1]) })
        let drain = try #require(arguments.firstIndex(of: "--drain-timeout").flatMap { Int(arguments[$0 + 1]) })
        let pause = try #require(((((container["lifecycle"] as? [String: Any])?["preStop"] as? [String: Any])?["exec"] as? [String: Any])?["command"] as? [String])?.last.flatMap { Int($0) })
        #expect(try #require(podSpec["terminationGracePeriodSeconds"] as? Int) > pause + budget + drain)

        let service = try #require(manifests["Service"])
        let serviceSpec = try #require(service["spec"] as? [String: Any])
        #expect(serviceSpec["selector"] as? [String: String] == labels)
        #expect((serviceSpec["ports"] as? [[String: Any]])?.first?["targetPort"] as? String == ports.first?["name"] as? String)

        let autoscaler = try #require(manifests["HorizontalPodAutoscaler"])
        #expect(autoscaler["apiVersion"] as? String == "autoscaling/v2")
        let scaling = try #require(autoscaler["spec"] as? [String: Any])
        let target = try #require(scaling["scaleTargetRef"] as? [String: Any])
        #expect(target["kind"] as? String == "Deployment" && target["name"] as? String == name)
        let metric = try #require((scaling["metrics"] as? [[String: Any]])?.first?["resource"] as? [String: Any])
        #expect(metric["name"] as? String == "cpu")
        #expect((scaling["minReplicas"] as? Int ?? 0) >= 2)
    }

    /// The container's arguments, run here as written (a free port instead of 8080, the token in a file of ours):
    /// the probes' path answers without the token, a render needs it.
    @Test func theContainersCommandServesAsTheProbesExpect() async throws {
        let container = try #require(((((try Self.manifests()["Deployment"]?["spec"] as? [String: Any])?["template"] as? [String: Any])?["spec"]
                                        as? [String: Any])?["containers"] as? [[String: Any]])?.first)
        var arguments = try #require(container["args"] as? [String])
        let folder = try TestSupport.folder(with: ["token": "deployment-test-token\n"])
        arguments[try #require(arguments.firstIndex(of: "--port")) + 1] = "0"
        arguments[try #require(arguments.firstIndex(of: "--host")) + 1] = "127.0.0.1"
        arguments[try #require(arguments.firstIndex(of: "--token-file")) + 1] = folder.appendingPathComponent("token").path
        let (process, port, _) = try ShutdownTests.serve(Array(arguments.dropFirst()))
        defer { process.terminate(); process.waitUntilExit() }
        let base = "http://127.0.0.1:\(port)"
        #expect(try await HTTP.send("GET", URL(string: base + "/healthz")!).status == 200)
        let report = Data(EndpointTests.inlineReport.utf8)
        #expect(try await HTTP.send("POST", URL(string: base + "/render")!, headers: ["Content-Type": "application/json"], body: report).status == 401)
        let answer = try await HTTP.send("POST", URL(string: base + "/render")!,
                                         headers: ["Content-Type": "application/json", "Authorization": "Bearer deployment-test-token"], body: report)
        #expect(answer.status == 200)
    }

    /// Every shared library the built command needs, but the Swift runtime (linked in statically in the image), comes
    /// from a package the Dockerfile installs in the image it runs in; the image exposes the port the manifest uses.
    @Test func theDockerfileInstallsWhatTheBinaryLinks() throws {
        let dockerfile = try String(contentsOf: TestSupport.root.appendingPathComponent("Dockerfile"), encoding: .utf8)
        let stages = dockerfile.components(separatedBy: "\nFROM ")
        let runtime = try #require(stages.last)
        let install = try #require(runtime.range(of: "apt-get install -y --no-install-recommends"))
        let packages = Set(runtime[install.upperBound...].prefix { $0 != "&" }.split(whereSeparator: { $0 == " " || $0 == "\\" || $0 == "\n" }).map(String.init))
        // The release archive, unpacked whole: bin/mawjaz finds share/mawjaz beside it.
        #expect(dockerfile.contains("RUN make dist") && dockerfile.contains("tar -xzf out/dist/mawjaz-*.tar.gz -C /opt/mawjaz"))
        #expect(runtime.contains("COPY --from=build /opt/mawjaz /opt/mawjaz") && runtime.contains("PATH=/opt/mawjaz/bin"))
        #expect(runtime.contains("EXPOSE 8080"))

        let readelf = try TestSupport.run("readelf", ["-d", EndpointTests.command])
        #expect(readelf.status == 0)
        let needed = readelf.output.split(separator: "\n").filter { $0.contains("(NEEDED)") }.compactMap { line -> String? in
            guard let open = line.firstIndex(of: "["), let close = line.firstIndex(of: "]") else { return nil }
            return String(line[line.index(after: open)..<close])
        }
        #expect(needed.contains("libcairo.so.2"))
        let swiftRuntime = ["libswift", "libFoundation", "lib_FoundationICU", "libdispatch", "libBlocksRuntime"]
        let base = ["libc.so.6", "libm.so.6", "ld-linux-x86-64.so.2", "libpthread.so.0", "libdl.so.2", "librt.so.1", "libutil.so.1"]
        for library in needed where !swiftRuntime.contains(where: library.hasPrefix) && !base.contains(library) {
            // Debian 12 registers some libraries under /lib, some under /usr/lib.
            let owners = try ["/usr/lib/x86_64-linux-gnu/", "/lib/x86_64-linux-gnu/"].map { try TestSupport.run("dpkg", ["-S", $0 + library]) }
            let package = owners.first { $0.status == 0 }?.output.split(separator: ":").first.map(String.init) ?? "?"
            #expect(packages.contains(package), "\(library) comes from \(package), which the Dockerfile does not install")
        }
    }
}
