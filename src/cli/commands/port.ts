import { Command, InvalidArgumentError } from 'commander';
import {
  bindingsOf,
  hostAddress,
  parsePortSpec,
  serviceRows,
  type PortSpec,
} from '../../apply/ps/port-lookup.js';
import { projectContainers, psRows } from '../../apply/ps/ps-rows.js';
import type { Diagnostic } from '../../diag/diagnostic.js';
import { SourceStore } from '../../diag/source-store.js';
import { psJson } from '../../views/ps-json.js';
import { portMappingsText } from '../../views/ps-text.js';
import { EXIT } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import { printDiagnostics, type Io } from '../io.js';
import type { EngineDeps } from './engine-deps.js';
import { loadTarget, printWarnings, withEngine } from './engine-target.js';

function portArg(text: string): PortSpec {
  const spec = parsePortSpec(text);
  if (!spec)
    throw new InvalidArgumentError('write a container port as PORT or PORT/PROTO (tcp, udp, sctp)');
  return spec;
}

/**
 * `nestc port SERVICE [PORT[/PROTO]]` (`docker compose port`): where a service's container
 * port is published on the host, as `HOST:PORT` for scripts; without PORT, every mapping of
 * the service's first replica. SERVICE is a nest path (`agent/db`), a flat name or a
 * container name. Read from the running container, so an ephemeral port shows the port the
 * engine picked.
 */
export function portCommand(
  io: () => Io,
  setExit: (code: number) => void,
  deps: () => EngineDeps,
): Command {
  return new Command('port')
    .description('print the host address a service port is published on (HOST:PORT)')
    .argument('<service>', 'nest path (agent/db), flat service name or container name')
    .argument('[port]', 'container port, as PORT or PORT/PROTO (default protocol tcp)', portArg)
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ nestc port agent/db 5432            # 127.0.0.1:20000\n' +
        '  $ nestc port web 53/udp\n' +
        '  $ nestc port agent/db                 # every mapping: 5432/tcp -> 127.0.0.1:20000\n' +
        '  $ curl "http://$(nestc port web 80)/health"',
    )
    .action(
      async (service: string, spec: PortSpec | undefined, _opts: unknown, command: Command) => {
        const g = command.optsWithGlobals<GlobalOptions>();
        const out = io();
        const d = deps();
        const target = loadTarget(g, out, d.host(), { resolve: false });
        if (!target) return setExit(EXIT.userError);
        printWarnings(out, target.diagnostics, new SourceStore());
        const fail = (diag: Diagnostic): void => {
          printDiagnostics(out, [diag], new SourceStore());
          setExit(EXIT.userError);
        };
        await withEngine(out, setExit, async () => {
          const rows = psRows(await projectContainers(d.engine(), target.project));
          const [row] = serviceRows(rows, service);
          if (!row) {
            return fail({
              code: 'apply-service-unknown',
              severity: 'error',
              summary: `no container of service "${service}" in project "${target.project}"`,
              hint:
                rows.length > 0
                  ? `name it by nest path: ${[...new Set(rows.map((r) => r.nestPath))].join(', ')}`
                  : 'the project has no containers: start it with nestc up',
            });
          }
          if (row.state !== 'running') {
            return fail({
              code: 'apply-service-not-running',
              severity: 'error',
              summary: `${row.nestPath} is not running (its container ${row.name} is ${row.state}), so it publishes no port`,
              hint: 'start it with nestc up; nestc ps shows its state',
            });
          }
          const bindings = spec ? bindingsOf(row, spec) : row.ports;
          if (spec && bindings.length === 0) {
            const published = [
              ...new Set(row.ports.map((p) => `${p.containerPort}/${p.protocol}`)),
            ];
            return fail({
              code: 'apply-port-unknown',
              severity: 'error',
              summary: `${row.nestPath} publishes no port ${spec.port}/${spec.protocol}`,
              hint: published.length
                ? `it publishes ${published.join(', ')}`
                : 'it publishes no port at all (only ports: entries with a host side are published)',
            });
          }
          if (out.json) {
            const [doc] = psJson(target.project, [{ ...row, ports: bindings }]).containers;
            out.stdout(`${JSON.stringify(doc, null, 2)}\n`);
          } else if (spec) {
            out.stdout(`${hostAddress(bindings[0]!)}\n`);
          } else {
            out.stdout(portMappingsText(row));
          }
          setExit(EXIT.ok);
        });
      },
    );
}
