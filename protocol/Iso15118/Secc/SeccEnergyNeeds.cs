using V2G.Protocol.Iso15118.Generated.CommonMessages;
using V2G.Protocol.Iso15118.Generated.Dc;
using V2G.Protocol.Iso15118.Generated.Iso20;
using V2G.Protocol.Session;

namespace V2G.Protocol.Iso15118.Secc
{
    /// <summary>
    /// The vehicle's SoC window, departure and energy requests as ISO 15118-20 carries them, into
    /// <see cref="SeccContext.EnergyNeeds"/> and then <see cref="IEvSessionPort.UpdateEnergyNeeds"/>:
    /// ScheduleExchangeReq (Dynamic_SEReqControlMode: DepartureTime, MinimumSOC, TargetSOC, the energy
    /// requests; Scheduled_SEReqControlMode: DepartureTime and the energy requests when present) and
    /// DC_ChargeLoopReq (DisplayParameters MinimumSOC and TargetSOC; the Dynamic and BPT_Dynamic control modes:
    /// DepartureTime and the energy requests). A value not carried keeps what an earlier message told.
    /// DepartureTime is seconds from the message; energies are Wh. Allocates nothing.
    /// </summary>
    public static class SeccEnergyNeeds
    {
        /// <summary>From a ScheduleExchangeReq; tells the port if the request carried anything.</summary>
        public static void FromScheduleExchange(ScheduleExchangeReqType req, SeccContext ctx)
        {
            bool told = false;
            if (req.HasDynamic_SEReqControlMode && req.Dynamic_SEReqControlMode != null)
            {
                Dynamic_SEReqControlModeType m = req.Dynamic_SEReqControlMode;
                Departure(ctx, m.DepartureTime);
                if (m.HasMinimumSOC)
                {
                    ctx.EnergyNeeds.MinimumSocPercent = m.MinimumSOC;
                }

                if (m.HasTargetSOC)
                {
                    ctx.EnergyNeeds.TargetSocPercent = m.TargetSOC;
                }

                ctx.EnergyNeeds.TargetEnergyRequestWh = SeccValues.Of(m.EVTargetEnergyRequest);
                ctx.EnergyNeeds.MaximumEnergyRequestWh = SeccValues.Of(m.EVMaximumEnergyRequest);
                ctx.EnergyNeeds.MinimumEnergyRequestWh = SeccValues.Of(m.EVMinimumEnergyRequest);
                V2X(ctx, m.HasEVMaximumV2XEnergyRequest, m.EVMaximumV2XEnergyRequest, m.HasEVMinimumV2XEnergyRequest, m.EVMinimumV2XEnergyRequest);
                told = true;
            }
            else if (req.HasScheduled_SEReqControlMode && req.Scheduled_SEReqControlMode != null)
            {
                Scheduled_SEReqControlModeType m = req.Scheduled_SEReqControlMode;
                if (m.HasDepartureTime)
                {
                    Departure(ctx, m.DepartureTime);
                    told = true;
                }

                if (m.HasEVTargetEnergyRequest)
                {
                    ctx.EnergyNeeds.TargetEnergyRequestWh = SeccValues.Of(m.EVTargetEnergyRequest);
                    told = true;
                }

                if (m.HasEVMaximumEnergyRequest)
                {
                    ctx.EnergyNeeds.MaximumEnergyRequestWh = SeccValues.Of(m.EVMaximumEnergyRequest);
                    told = true;
                }

                if (m.HasEVMinimumEnergyRequest)
                {
                    ctx.EnergyNeeds.MinimumEnergyRequestWh = SeccValues.Of(m.EVMinimumEnergyRequest);
                    told = true;
                }
            }

            if (told)
            {
                ctx.Port.UpdateEnergyNeeds(ref ctx.EnergyNeeds);
            }
        }

        /// <summary>From a DC_ChargeLoopReq; tells the port if the request carried anything.</summary>
        public static void FromChargeLoop(DC_ChargeLoopReqType req, SeccContext ctx)
        {
            bool told = false;
            if (req.HasDisplayParameters && req.DisplayParameters != null)
            {
                DisplayParametersType d = req.DisplayParameters;
                if (d.HasMinimumSOC)
                {
                    ctx.EnergyNeeds.MinimumSocPercent = d.MinimumSOC;
                    told = true;
                }

                if (d.HasTargetSOC)
                {
                    ctx.EnergyNeeds.TargetSocPercent = d.TargetSOC;
                    told = true;
                }
            }

            if (req.HasBPT_Dynamic_DC_CLReqControlMode && req.BPT_Dynamic_DC_CLReqControlMode != null)
            {
                BPT_Dynamic_DC_CLReqControlModeType m = req.BPT_Dynamic_DC_CLReqControlMode;
                if (m.HasDepartureTime)
                {
                    Departure(ctx, m.DepartureTime);
                }

                ctx.EnergyNeeds.TargetEnergyRequestWh = SeccValues.Of(m.EVTargetEnergyRequest);
                ctx.EnergyNeeds.MaximumEnergyRequestWh = SeccValues.Of(m.EVMaximumEnergyRequest);
                ctx.EnergyNeeds.MinimumEnergyRequestWh = SeccValues.Of(m.EVMinimumEnergyRequest);
                V2X(ctx, m.HasEVMaximumV2XEnergyRequest, m.EVMaximumV2XEnergyRequest, m.HasEVMinimumV2XEnergyRequest, m.EVMinimumV2XEnergyRequest);
                told = true;
            }
            else if (req.HasDynamic_DC_CLReqControlMode && req.Dynamic_DC_CLReqControlMode != null)
            {
                Dynamic_DC_CLReqControlModeType m = req.Dynamic_DC_CLReqControlMode;
                if (m.HasDepartureTime)
                {
                    Departure(ctx, m.DepartureTime);
                }

                ctx.EnergyNeeds.TargetEnergyRequestWh = SeccValues.Of(m.EVTargetEnergyRequest);
                ctx.EnergyNeeds.MaximumEnergyRequestWh = SeccValues.Of(m.EVMaximumEnergyRequest);
                ctx.EnergyNeeds.MinimumEnergyRequestWh = SeccValues.Of(m.EVMinimumEnergyRequest);
                told = true;
            }

            if (told)
            {
                ctx.Port.UpdateEnergyNeeds(ref ctx.EnergyNeeds);
            }
        }

        private static void Departure(SeccContext ctx, uint departureTimeS)
        {
            ctx.EnergyNeeds.HasDeparture = true;
            ctx.EnergyNeeds.DepartureInS = departureTimeS;
        }

        private static void V2X(SeccContext ctx, bool hasMax, RationalNumberType max, bool hasMin, RationalNumberType min)
        {
            if (hasMax)
            {
                ctx.EnergyNeeds.MaximumV2XEnergyRequestWh = SeccValues.Of(max);
            }

            if (hasMin)
            {
                ctx.EnergyNeeds.MinimumV2XEnergyRequestWh = SeccValues.Of(min);
            }
        }
    }
}
