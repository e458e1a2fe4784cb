#!/usr/bin/python3
"""The workload of bench/adapter_cpu_bench.cpp through a Python asyncio + aiohttp client, the
client style lm-eval and lighteval use: a fixed number of requests in flight, each streamed
(SSE lines, json.loads per chunk, content and reasoning accumulated) or read whole (resp.json()).
Measures this process's CPU time (time.process_time).

    aiohttp_client.py URL MODEL REQUESTS CONCURRENCY STREAM(0|1)
"""
import asyncio
import json
import resource
import sys
import time

import aiohttp


async def one(session, url, model, index, stream, totals):
    body = {
        "model": model,
        "messages": [{"role": "user",
                      "content": "Question %d: what is 17 + 25? Reason step by step." % index}],
        "seed": index,
        "stream": stream,
    }
    if stream:
        body["stream_options"] = {"include_usage": True}
    async with session.post(url + "/chat/completions", json=body) as resp:
        if resp.status != 200:
            totals["failed"] += 1
            await resp.read()
            return
        if not stream:
            data = await resp.json()
            message = data["choices"][0]["message"]
            text = message.get("content") or ""
            reasoning = message.get("reasoning_content") or message.get("reasoning") or ""
            totals["tokens"] += data.get("usage", {}).get("completion_tokens", 0)
            totals["chars"] += len(text) + len(reasoning)
            return
        content = []
        reasoning = []
        chunks = 0
        async for raw in resp.content:
            line = raw.strip()
            if not line.startswith(b"data:"):
                continue
            payload = line[5:].strip()
            if payload == b"[DONE]":
                break
            chunk = json.loads(payload)
            chunks += 1
            for choice in chunk.get("choices") or []:
                delta = choice.get("delta") or {}
                if delta.get("content"):
                    content.append(delta["content"])
                r = delta.get("reasoning_content") or delta.get("reasoning")
                if r:
                    reasoning.append(r)
            if chunk.get("usage"):
                totals["tokens"] += chunk["usage"].get("completion_tokens", 0)
        totals["chunks"] += chunks
        totals["chars"] += len("".join(content)) + len("".join(reasoning))


async def main(url, model, requests, concurrency, stream):
    totals = {"failed": 0, "tokens": 0, "chunks": 0, "chars": 0}
    connector = aiohttp.TCPConnector(limit=concurrency)
    timeout = aiohttp.ClientTimeout(total=1800)
    semaphore = asyncio.Semaphore(concurrency)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        async def guarded(i):
            async with semaphore:
                await one(session, url, model, i, stream, totals)
        cpu_start = time.process_time()
        wall_start = time.monotonic()
        await asyncio.gather(*(guarded(i) for i in range(requests)))
        cpu = time.process_time() - cpu_start
        wall = time.monotonic() - wall_start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print("impl=python-aiohttp stream=%d concurrency=%d requests=%d failed=%d wall_s=%.2f req_per_s=%.0f "
          "cpu_ms_per_request=%.4f tokens_per_request=%.0f chunks_per_request=%.1f max_rss_mb=%.1f"
          % (1 if stream else 0, concurrency, requests, totals["failed"], wall, requests / wall,
             1000.0 * cpu / requests, totals["tokens"] / requests, totals["chunks"] / requests, rss_mb))
    return 0 if totals["failed"] == 0 else 1


if __name__ == "__main__":
    if len(sys.argv) != 6:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]),
                              sys.argv[5] == "1")))
