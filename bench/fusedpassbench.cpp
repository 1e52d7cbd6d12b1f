#include "fusedpassbench.h"

#include "divergence.h"
#include "vectormath.h"

#include <algorithm>
#include <chrono>
#include <random>
#include <sys/resource.h>
#include <thread>
#include <vector>

namespace klscope {

double peakMemoryMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

std::vector<double> randomDistribution(std::size_t n, std::mt19937_64 &rng, double low, double high)
{
    std::uniform_real_distribution<double> uniform(low, high);
    std::vector<double> v(n);
    double total = 0.0;
    for (double &x : v) {
        x = uniform(rng);
        total += x;
    }
    for (double &x : v)
        x /= total;
    return v;
}

FusedPassBenchResult benchFusedPass(std::size_t events, int runs)
{
    runs = std::max(runs, 5);
    std::mt19937_64 rng(20261121);
    const std::vector<double> p = randomDistribution(events, rng);
    const std::vector<double> q = randomDistribution(events, rng);
    std::vector<double> klPQ(events), klQP(events), js(events);
    const EventTerms terms{klPQ, klQP, js};

    volatile double sink = divergences(p, q, Unit::Nats, terms).klPQ; // warm-up
    std::vector<double> ns;
    for (int r = 0; r < runs; ++r) {
        const auto start = std::chrono::steady_clock::now();
        sink = divergences(p, q, Unit::Nats, terms).klPQ;
        const auto stop = std::chrono::steady_clock::now();
        ns.push_back(std::chrono::duration<double, std::nano>(stop - start).count() /
                     static_cast<double>(std::max<std::size_t>(events, 1)));
    }
    (void)sink;
    std::sort(ns.begin(), ns.end());
    FusedPassBenchResult result;
    result.events = events;
    result.runs = runs;
    result.medianNsPerEvent = ns[ns.size() / 2];
    result.minNsPerEvent = ns.front();
    result.peakMemoryMiB = peakMemoryMiB();
    result.vectorisedLog = vectorLogIsVectorised();
    result.threads = std::max(1u, std::thread::hardware_concurrency());
    return result;
}

} // namespace klscope
