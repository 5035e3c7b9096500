export function App() {
  return (
    <main>
      <h1>Dojo</h1>
      <p>Coding exercises, graded on the server.</p>
    </main>
  );
}
