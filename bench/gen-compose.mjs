// Generated Compose files for the load benchmarks (bench/load.mjs, bench/stages.mjs): one
// generator, so that the stage breakdown is always of the file the load figures are for.

/** A realistic service: image, ports, volumes, environment, depends_on, healthcheck, labels. */
export function generate(n) {
  const lines = ['name: bench', 'services:'];
  for (let i = 0; i < n; i++) {
    lines.push(
      `  svc${i}:`,
      `    image: registry.local/app:\${TAG:-1.0}`,
      `    command: ["serve", "--port", "80"]`,
      `    ports: ["127.0.0.1:${20000 + (i % 9000)}:80"]`,
      `    volumes: ["./data/${i}:/data", "cache:/cache:ro"]`,
      `    environment:`,
      `      ID: "${i}"`,
      `      MODE: production`,
      ...(i > 0 ? [`    depends_on: [svc${i - 1}]`] : []),
      `    healthcheck: { test: ["CMD", "true"], interval: 10s, retries: 3 }`,
      `    labels: { team: bench }`,
    );
  }
  lines.push('volumes:', '  cache: {}');
  return lines.join('\n') + '\n';
}

/** Nine levels of nine aliases each: 9^9 nodes if expanded ("billion laughs"). */
export function aliasBomb() {
  const l = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const p = String.fromCharCode(96 + i);
    const c = String.fromCharCode(97 + i);
    l.push(
      `${c}: &${c} [${Array(9)
        .fill('*' + p)
        .join(',')}]`,
    );
  }
  return l.join('\n') + '\nservices: {}\n';
}
