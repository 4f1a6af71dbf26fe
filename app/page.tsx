export default function Home() {
  return (
    <main style={{ maxWidth: 720, margin: "64px auto", padding: "0 24px" }}>
      <h1>Branchpoint</h1>
      <p>
        Track competing hypotheses, attach graded evidence, record how confident you are, and review how and why
        that confidence changed. The HTTP API lives under <code>/api/v1</code>.
      </p>
    </main>
  );
}
