#!/usr/bin/env python3
"""Reference values for the experiment statistics (common/experiments/stats), computed with SciPy.

Run `python3 scripts/experimentsReference.py` where SciPy is installed (Debian: python3-scipy); it
rewrites common/experiments/stats/fixtures/scipy.json, which experimentStats.test.ts compares with
the TypeScript code to 1e-9. Inputs are fixed here (seeded generators), so the file only changes
when a case is added or SciPy changes.
"""
import json
import math
import os

import numpy as np
import scipy
from scipy import integrate, stats
from scipy.special import betaln
from scipy.stats.contingency import relative_risk

OUT = os.path.join(os.path.dirname(__file__), '..', 'common', 'experiments', 'stats', 'fixtures', 'scipy.json')
cases = []


def add(kind, inputs, expected):
    cases.append({'kind': kind, 'inputs': inputs, 'expected': {k: float(v) for k, v in expected.items()}})


def z_for(confidence):
    return stats.norm.ppf(1 - (1 - confidence) / 2)


# Wilson score intervals (SciPy's binomtest).
for x, n, conf in [(81, 263, 0.95), (0, 10, 0.95), (10, 10, 0.95), (3, 7, 0.99), (56, 70, 0.95), (1, 2000, 0.9)]:
    ci = stats.binomtest(x, n).proportion_ci(conf, method='wilson')
    add('wilson', {'x': x, 'n': n, 'confidence': conf}, {'lower': ci.low, 'upper': ci.high})

# Newcombe hybrid score interval for a difference: SciPy's Wilson limits, Newcombe's formula.
for t, c, conf in [((56, 70), (48, 80), 0.95), ((9, 10), (3, 10), 0.95), ((5, 56), (0, 29), 0.95), ((1203, 10021), (1111, 9987), 0.99)]:
    w1 = stats.binomtest(*t).proportion_ci(conf, method='wilson')
    w2 = stats.binomtest(*c).proportion_ci(conf, method='wilson')
    p1, p2 = t[0] / t[1], c[0] / c[1]
    d = p1 - p2
    add('newcombe', {'t': t, 'c': c, 'confidence': conf}, {
        'estimate': d,
        'lower': d - math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2),
        'upper': d + math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2),
    })

# Ratio of proportions, Katz log interval (SciPy's relative_risk).
for t, c in [((56, 70), (48, 80)), ((1203, 10021), (1111, 9987)), ((3, 12), (7, 13))]:
    rr = relative_risk(t[0], t[1], c[0], c[1])
    ci = rr.confidence_interval(0.95)
    add('riskRatio', {'t': t, 'c': c, 'confidence': 0.95}, {'estimate': rr.relative_risk, 'lower': ci.low, 'upper': ci.high})

# Two-proportion z-test: z² is the uncorrected 2×2 chi-square.
for t, c in [((56, 70), (48, 80)), ((1203, 10021), (1111, 9987)), ((30, 1000), (52, 1000))]:
    table = [[t[0], t[1] - t[0]], [c[0], c[1] - c[0]]]
    chi2, p, _, _ = stats.chi2_contingency(table, correction=False)
    z = math.copysign(math.sqrt(chi2), t[0] / t[1] - c[0] / c[1])
    add('twoProportionZ', {'t': t, 'c': c}, {'z': z, 'p': p})

# Chi-square test of independence, arms × (converted, not), more than two arms.
for arms in [[(120, 1000), (150, 1010), (98, 990)], [(5, 40), (9, 41), (2, 39), (12, 40)]]:
    table = [[x, n - x] for x, n in arms]
    chi2, p, dof, _ = stats.chi2_contingency(table, correction=False)
    add('chiSquare', {'arms': arms}, {'statistic': chi2, 'df': dof, 'p': p})

# Fisher's exact test on small counts.
for a, b, c, d in [(3, 1, 1, 3), (0, 5, 4, 1), (1, 9, 11, 3), (2, 30, 10, 25), (7, 0, 0, 7), (5, 5, 5, 5), (1, 99, 6, 94)]:
    res = stats.fisher_exact([[a, b], [c, d]])
    add('fisher', {'t': (a, a + b), 'c': (c, c + d)}, {'p': res.pvalue})

rng = np.random.default_rng(20261205)

# Welch's t-test and the ratio of means (delta method on the log scale).
for n1, n2, m1, m2, s1, s2 in [(40, 35, 10.0, 11.5, 3.0, 5.0), (200, 180, 52.0, 50.0, 20.0, 24.0), (6, 9, 1.0, 2.0, 0.5, 1.5)]:
    x = np.round(rng.normal(m1, s1, n1), 4)
    y = np.round(rng.normal(m2, s2, n2), 4)
    res = stats.ttest_ind(y, x, equal_var=False)
    ci = res.confidence_interval(0.95)
    add('welch', {'t': y.tolist(), 'c': x.tolist(), 'confidence': 0.95},
        {'t': res.statistic, 'df': res.df, 'p': res.pvalue, 'lower': ci.low, 'upper': ci.high})
    mt, mc = y.mean(), x.mean()
    se = math.sqrt(y.var(ddof=1) / (n2 * mt ** 2) + x.var(ddof=1) / (n1 * mc ** 2))
    z = z_for(0.95)
    add('meanRatio', {'t': y.tolist(), 'c': x.tolist(), 'confidence': 0.95},
        {'estimate': mt / mc, 'lower': mt / mc * math.exp(-z * se), 'upper': mt / mc * math.exp(z * se)})

# Mann-Whitney U: skewed revenue with many ties (zeros, rounded amounts), and small samples (exact).
revenue_c = np.where(rng.random(300) < 0.7, 0.0, np.round(rng.lognormal(3, 1, 300)))
revenue_t = np.where(rng.random(280) < 0.66, 0.0, np.round(rng.lognormal(3.1, 1, 280)))
small_cases = [
    (revenue_t.tolist(), revenue_c.tolist()),
    ([1.1, 2.5, 3.7, 8.2, 9.9], [0.4, 0.9, 1.6, 2.2, 3.1, 4.4, 5.0]),
    ([12.0, 15.5, 30.25], (rng.permutation(80)[:40] + 0.5).tolist()),
    ([3.0, 3.0, 4.0, 9.0], [1.0, 2.0, 3.0, 3.0, 5.0]),
    (np.round(rng.lognormal(1, 1.2, 60), 1).tolist(), np.round(rng.lognormal(1.3, 1.2, 70), 1).tolist()),
]
for t, c in small_cases:
    res = stats.mannwhitneyu(t, c)
    add('mannWhitney', {'t': t, 'c': c}, {'u': res.statistic, 'p': res.pvalue})


# Holm's step-down adjustment (SciPy has none; written out from Holm 1979).
def holm(ps):
    order = sorted(range(len(ps)), key=lambda i: ps[i])
    out, running = [0.0] * len(ps), 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (len(ps) - rank) * ps[i]))
        out[i] = running
    return out


for ps in [[0.01, 0.04, 0.03], [0.2, 0.001, 0.04, 0.012], [0.5, 0.5, 0.5]]:
    add('holm', {'p': ps}, {f'p{i}': v for i, v in enumerate(holm(ps))})

# Sample ratio mismatch (SciPy's chisquare goodness of fit).
for obs, shares in [([5000, 5150], [0.5, 0.5]), ([821, 1000, 1179], [1, 1, 1]), ([2990, 7010], [0.3, 0.7]), ([500, 461, 0], [1, 1, 1])]:
    total = sum(obs)
    exp = [total * s / sum(shares) for s in shares]
    res = stats.chisquare(obs, exp)
    add('srm', {'observed': obs, 'shares': shares}, {'statistic': res.statistic, 'p': res.pvalue})

# Beta-binomial: probability to beat control and expected loss, by numerical integration.
def beta_bounds(*params):
    lo = min(stats.beta.ppf(1e-16, a, b) for a, b in params)
    hi = max(stats.beta.isf(1e-16, a, b) for a, b in params)
    return lo, hi


def quad(f, lo, hi, points):
    inside = sorted(p for p in points if lo < p < hi)
    val, err = integrate.quad(f, lo, hi, points=inside or None, epsabs=1e-14, epsrel=1e-12, limit=500)
    assert err < 1e-11, err
    return val


def prob_greater_closed(a, b, c, d):
    return sum(math.exp(betaln(c + i, b + d) - math.log(b + i) - betaln(1 + i, b) - betaln(c, d)) for i in range(a))


for t, c in [((56, 70), (48, 80)), ((3, 10), (1, 12)), ((120, 1000), (100, 1000)), ((0, 25), (2, 25)), ((1203, 10021), (1111, 9987))]:
    at, bt = 1 + t[0], 1 + t[1] - t[0]
    ac, bc = 1 + c[0], 1 + c[1] - c[0]
    lo, hi = beta_bounds((at, bt), (ac, bc))
    modes = [at / (at + bt), ac / (ac + bc)]
    # P(p_t > p_c) = ∫ f_c(y) · P(p_t > y) dy
    beat = quad(lambda y: stats.beta.pdf(y, ac, bc) * stats.beta.sf(y, at, bt), lo, hi, modes)
    # E[max(p_c − p_t, 0)] = ∫ f_c(x) · (x · F_t(x) − mean_t · F_{Beta(a_t+1, b_t)}(x)) dx
    mean_t = at / (at + bt)
    loss = quad(lambda x: stats.beta.pdf(x, ac, bc) * (x * stats.beta.cdf(x, at, bt) - mean_t * stats.beta.cdf(x, at + 1, bt)), lo, hi, modes)
    # The closed form the TypeScript uses must agree with the integral; checked here too.
    closed = prob_greater_closed(at, bt, ac, bc)
    assert abs(beat - closed) < 1e-10, (t, c, beat, closed)
    add('bayes', {'t': t, 'c': c}, {'probabilityToBeat': beat, 'expectedLoss': loss})

# mSPRT with a normal mixture (Johari et al. 2017): running minimum of 1/Λ and running intersection.
for tau2, alpha, looks in [
    (0.02 ** 2, 0.05, [(0.031, 0.0004), (0.024, 0.0002), (0.028, 0.00011), (0.027, 0.00006)]),
    (1.5 ** 2, 0.05, [(2.1, 1.2), (0.8, 0.5), (0.2, 0.2)]),
    (0.01 ** 2, 0.01, [(0.0, 0.0), (-0.004, 1e-5), (-0.006, 4e-6)]),
]:
    p, lo, hi = 1.0, -math.inf, math.inf
    for d, v in looks:
        if v <= 0:
            continue
        lam = math.sqrt(v / (v + tau2)) * math.exp(d * d * tau2 / (2 * v * (v + tau2)))
        p = min(p, 1 / lam)
        h = math.sqrt(2 * v * (v + tau2) / tau2 * (math.log(1 / alpha) + 0.5 * math.log((v + tau2) / v)))
        lo, hi = max(lo, d - h), min(hi, d + h)
    add('msprt', {'tau2': tau2, 'alpha': alpha, 'looks': looks}, {'p': min(1.0, p), 'lower': lo, 'upper': hi})

# Planner: sample size and power (normal approximation, allocation ratio r = n_t / n_c).
for p1, delta, alpha, power, r in [(0.1, 0.02, 0.05, 0.8, 1.0), (0.031, 0.005, 0.05, 0.9, 1.0), (0.4, -0.05, 0.01, 0.8, 2.0), (0.1, 0.02, 0.025, 0.8, 0.5)]:
    p2 = p1 + delta
    za, zb = stats.norm.ppf(1 - alpha / 2), stats.norm.ppf(power)
    pbar = (p1 + r * p2) / (1 + r)
    n = (za * math.sqrt(pbar * (1 - pbar) * (1 + 1 / r)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2) / r)) ** 2 / delta ** 2
    nc, nt = math.ceil(n), math.ceil(n * r)
    rr = nt / nc
    pb = (p1 + rr * p2) / (1 + rr)
    achieved = stats.norm.cdf((abs(delta) - za * math.sqrt(pb * (1 - pb) * (1 / nc + 1 / nt))) / math.sqrt(p1 * (1 - p1) / nc + p2 * (1 - p2) / nt))
    add('planProportions', {'p1': p1, 'delta': delta, 'alpha': alpha, 'power': power, 'ratio': r}, {'control': n, 'achieved': achieved})
for sd, delta, alpha, power, r in [(20.0, 2.0, 0.05, 0.8, 1.0), (1.0, 0.1, 0.01, 0.9, 3.0)]:
    za, zb = stats.norm.ppf(1 - alpha / 2), stats.norm.ppf(power)
    n = (za + zb) ** 2 * sd ** 2 * (1 + 1 / r) / delta ** 2
    nc, nt = math.ceil(n), math.ceil(n * r)
    achieved = stats.norm.cdf(abs(delta) / (sd * math.sqrt(1 / nc + 1 / nt)) - za)
    add('planMeans', {'sd': sd, 'delta': delta, 'alpha': alpha, 'power': power, 'ratio': r}, {'control': n, 'achieved': achieved})

# Split stability: chi-square of periods × arms (a split changed mid-test shows here).
for table in [[[500, 498], [510, 505], [490, 502]], [[500, 500], [480, 520], [300, 700]]]:
    chi2, p, dof, _ = stats.chi2_contingency(table, correction=False)
    add('contingency', {'table': table}, {'statistic': chi2, 'df': dof, 'p': p})

with open(OUT, 'w') as f:
    json.dump({'generator': 'scripts/experimentsReference.py', 'scipy': scipy.__version__, 'numpy': np.__version__, 'cases': cases}, f, indent=1)
    f.write('\n')
print(f'{len(cases)} cases written to {os.path.normpath(OUT)}')
