// Benchmark peer for P1 (tests/bench/run-benchmarks.sh): the Microsoft Graph
// JavaScript client doing the same POST .../assignments as
// `enrollment-assigner-cli assign`, as a whole Node process.
//
//   GRAPH_ACCESS_TOKEN=... node assign.mjs GRAPH_ROOT CONFIG_ID BODY_JSON
//
// Prints Graph's created object (the harness deletes it again).
//
// The client's default middleware chain, with one change: its
// AuthenticationHandler sends the bearer token only to https Graph hosts (and
// strips it otherwise), and the sandbox is plain http on loopback, so the
// first link is replaced by one that sets the same header unconditionally.
// Retry, telemetry and the fetch handler are the SDK's own.
import { Client, MiddlewareFactory } from "@microsoft/microsoft-graph-client";

const [root, configId, body] = process.argv.slice(2);
const token = process.env.GRAPH_ACCESS_TOKEN;
if (!root || !configId || !body || !token) {
    console.error("usage: GRAPH_ACCESS_TOKEN=... node assign.mjs GRAPH_ROOT CONFIG_ID BODY_JSON");
    process.exit(2);
}

class LoopbackBearer {
    async execute(context) {
        if (context.request instanceof Request) {
            context.request.headers.set("Authorization", `Bearer ${token}`);
        } else {
            context.options = context.options || {};
            const headers = context.options.headers || {};
            if (headers instanceof Headers) headers.set("Authorization", `Bearer ${token}`);
            else headers["Authorization"] = `Bearer ${token}`;
            context.options.headers = headers;
        }
        return this.next.execute(context);
    }
    setNext(next) {
        this.next = next;
    }
}

const chain = MiddlewareFactory.getDefaultMiddlewareChain({ getAccessToken: async () => token });
chain[0] = new LoopbackBearer();
for (let i = 0; i + 1 < chain.length; ++i) chain[i].setNext(chain[i + 1]);
const client = Client.initWithMiddleware({
    baseUrl: root.endsWith("/") ? root : root + "/",
    defaultVersion: "v1.0",
    middleware: chain,
});

try {
    const created = await client
        .api(`/deviceManagement/deviceEnrollmentConfigurations/${encodeURIComponent(configId)}/assignments`)
        .post(JSON.parse(body));
    process.stdout.write(JSON.stringify(created) + "\n");
} catch (error) {
    console.error(`HTTP ${error.statusCode}: ${error.code}: ${error.message}`);
    process.exit(1);
}
