#pragma once
// CPU time of this process (user + system, every thread), for the end-to-end bench drivers.
#include <sys/resource.h>

namespace rb::bench {

inline double cpu_seconds(int who = RUSAGE_SELF)
{
  rusage usage{};
  ::getrusage(who, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

}  // namespace rb::bench
