export function About() {
  return (
    <section>
      <h1>About</h1>
      <hr />
      <p>
        Dojo is a place to practise programming: pick an exercise, write your solution in the editor and run it.
        Your code is graded on the server against hidden tests, and your progress is kept for you.
      </p>
    </section>
  );
}
