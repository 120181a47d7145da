#!/usr/bin/env python3
"""Derived figures from benchmarks/results/jmh.json: the interleaved ratios (host overhead, 1->2 thread scaling)
and the ratios of the plain benchmarks. Usage: python3 benchmarks/summarize.py [jmh.json]"""
import json
import sys

path = sys.argv[1] if len(sys.argv) > 1 else 'benchmarks/results/jmh.json'
results = json.load(open(path))


def iterations(metric):
    return [value for fork in metric['rawData'] for value in fork]


def spread(values):
    values = sorted(values)
    return 'per iteration min %.3f, median %.3f, max %.3f (n=%d)' % (values[0], values[len(values) // 2], values[-1],
                                                                   len(values))


scores = {}
for result in results:
    name = '.'.join(result['benchmark'].split('.')[-2:])
    params = result.get('params', {})
    key = (name, tuple(sorted(params.items())))
    scores[key] = result['primaryMetric']['score']
    metrics = result['secondaryMetrics']
    if 'directNanos' in metrics:
        direct, plugin, host = (iterations(metrics[m]) for m in ('directNanos', 'pluginVmNanos', 'hostCallNanos'))
        calls = iterations(metrics['callsPerWay'])
        rows = [(d, p, h, c) for d, p, h, c in zip(direct, plugin, host, calls) if d and p and h and c]
        d, p, h, c = (sum(column) for column in zip(*rows))
        print('%s %s: ns/call direct %.1f, pluginVm %.1f, hostCall %.1f; hostCall/direct %.3f, hostCall/pluginVm %.3f'
              % (name, params, d / c, p / c, h / c, h / d, h / p))
        print('    hostCall/direct ' + spread([r[2] / r[0] for r in rows]))
        print('    hostCall/pluginVm ' + spread([r[2] / r[1] for r in rows]))
    if 'oneThreadNanos' in metrics:
        one, two = iterations(metrics['oneThreadNanos']), iterations(metrics['twoThreadNanos'])
        ones, twos = iterations(metrics['oneThreadExecutions']), iterations(metrics['twoThreadExecutions'])
        rows = [(a, b, c, d) for a, b, c, d in zip(one, two, ones, twos) if a and b]
        a, b, c, d = (sum(column) for column in zip(*rows))
        print('%s %s: executions/s 1 thread %.0f, 2 threads %.0f; scaling %.3f'
              % (name, params, c / a * 1e9, d / b * 1e9, (d / b) / (c / a)))
        print('    scaling ' + spread([(r[3] / r[1]) / (r[2] / r[0]) for r in rows]))

one = scores.get(('ConcurrencyBenchmark.oneThread', ()))
two = scores.get(('ConcurrencyBenchmark.twoThreads', ()))
if one and two:
    print('ConcurrencyBenchmark: twoThreads/oneThread = %.3f' % (two / one))
for example in ('address', 'calldata', 'counter', 'push32'):
    params = (('example', example),)
    direct = scores.get(('HostOverheadBenchmark.direct', params))
    host = scores.get(('HostOverheadBenchmark.hostCall', params))
    plugin = scores.get(('HostOverheadBenchmark.pluginVm', params))
    if direct and host and plugin:
        print('HostOverheadBenchmark %s: hostCall/direct %.3f, hostCall/pluginVm %.3f' % (example, host / direct,
                                                                                       host / plugin))
