using V2G.Firmware.Control;
using V2G.Firmware.Session;
using V2G.Firmware.Settings;
using V2G.Hal.Power;
using V2G.Protocol.Session;

namespace V2G.UnitTests.Fakes
{
    /// <summary>
    /// A controller on fakes with ideal, instant physics: the converter reaches its reference in one
    /// tick, the vehicle's battery sits at <see cref="BatteryVoltageV"/> behind the vehicle's own
    /// contactor. Tests set the odd value by hand (a current that does not fall, a voltage that stays).
    /// </summary>
    public sealed class ControllerRig
    {
        public readonly ChargerSettings Settings = new ChargerSettings();
        public readonly FakeClock Clock = new FakeClock();
        public readonly FakePowerStage Stage = new FakePowerStage();
        public readonly FakeContactor Positive = new FakeContactor();
        public readonly FakeContactor Negative = new FakeContactor();
        public readonly FakeVoltageSense Connector = new FakeVoltageSense();
        public readonly FakeInsulationMonitor Insulation = new FakeInsulationMonitor();
        public readonly FakeEmergencyStop EmergencyStop = new FakeEmergencyStop();
        public readonly FakeGridSensor Grid = new FakeGridSensor();
        public readonly FakeMeter Meter = new FakeMeter();
        public readonly FakeWatchdog Watchdog = new FakeWatchdog();
        public ChargeController Controller;

        /// <summary>The vehicle's battery voltage, V.</summary>
        public double BatteryVoltageV = 400;

        /// <summary>The vehicle's own contactor.</summary>
        public bool VehicleContactorClosed;

        /// <summary>When not NaN, the measured current whatever the converter does (a fault).</summary>
        public double ForcedCurrentA = double.NaN;

        /// <summary>Voltage error of the converter's own voltage loop, V (a converter that cannot match its reference).</summary>
        public double ConverterVoltageErrorV;

        /// <summary>When not NaN, the connector voltage while the charger's contactors are open (a bleeder that fails).</summary>
        public double ForcedOpenConnectorV = double.NaN;

        public ControllerRig()
        {
            Settings.AuthorizeAutomatically = true;
        }

        public ChargeController Build()
        {
            DcOutput output = new DcOutput(Stage, Positive, Negative, null, Connector);
            ChargerHardware hw = new ChargerHardware(Clock, output, Insulation, EmergencyStop, Grid, Meter, Watchdog);
            Controller = new ChargeController(Settings, hw);
            return Controller;
        }

        /// <summary>Advances time by one period, settles the ideal physics, runs the controller's tick.</summary>
        public void Tick()
        {
            Clock.NowMs += Settings.TickPeriodMs;
            Settle();
            Controller.Tick();
            Settle();
        }

        public void Ticks(int n)
        {
            for (int i = 0; i < n; i++)
            {
                Tick();
            }
        }

        /// <summary>Ticks until the state is reached, at most <paramref name="maxTicks"/>; returns whether it was.</summary>
        public bool TickUntil(ChargerState state, int maxTicks)
        {
            for (int i = 0; i < maxTicks; i++)
            {
                if (Controller.State == state)
                {
                    return true;
                }

                Tick();
            }

            return Controller.State == state;
        }

        public void Settle()
        {
            bool closed = Positive.IsFeedbackClosed && Negative.IsFeedbackClosed;
            bool loaded = closed && VehicleContactorClosed;
            double current = 0;
            double converterV = 0;
            if (Stage.IsEnabled)
            {
                if (Stage.Mode == PowerStageMode.VoltageControl)
                {
                    converterV = loaded ? BatteryVoltageV : Stage.VoltageTargetV + ConverterVoltageErrorV;
                    if (loaded)
                    {
                        current = Clamp((Stage.VoltageTargetV - BatteryVoltageV) / 0.1, -Stage.CurrentLimitA, Stage.CurrentLimitA);
                    }
                }
                else if (Stage.Mode == PowerStageMode.CurrentControl)
                {
                    current = loaded ? Stage.CurrentTargetA : 0;
                    converterV = loaded ? BatteryVoltageV : Stage.VoltageLimitV;
                }
            }
            else
            {
                converterV = loaded ? BatteryVoltageV : 0;
            }

            if (!double.IsNaN(ForcedCurrentA))
            {
                current = ForcedCurrentA;
            }

            Stage.OutputCurrentA = current;
            Stage.OutputVoltageV = converterV;
            if (closed)
            {
                Connector.VoltageV = converterV;
            }
            else if (VehicleContactorClosed)
            {
                Connector.VoltageV = BatteryVoltageV;
            }
            else
            {
                Connector.VoltageV = double.IsNaN(ForcedOpenConnectorV) ? 0 : ForcedOpenConnectorV;
            }
        }

        /// <summary>The vehicle's limits of a 400 V pack that can discharge.</summary>
        public static EvLimits VehicleLimits()
        {
            EvLimits limits;
            limits.MaxVoltageV = 450;
            limits.MinVoltageV = 300;
            limits.MaxChargeCurrentA = 80;
            limits.MaxDischargeCurrentA = 60;
            limits.MaxChargePowerW = 32000;
            limits.MaxDischargePowerW = 24000;
            limits.BatteryCapacityWh = 60000;
            return limits;
        }

        /// <summary>Walks an ISO 15118-20-ordered session up to and including parameter exchange.</summary>
        public void ToParameterExchange()
        {
            Controller.VehicleConnected();
            Tick();
            Controller.CommunicationStarted(SessionProtocol.Iso15118_20);
            Tick();
            Controller.Authorize();
            Tick();
            EvLimits limits = VehicleLimits();
            Controller.SetVehicleLimits(ref limits);
            Tick();
        }

        /// <summary>Runs cable check to its end; returns its last status.</summary>
        public StepStatus RunCableCheck()
        {
            StepStatus status = Controller.CableCheck(450);
            for (int i = 0; i < 500 && status == StepStatus.Ongoing; i++)
            {
                Tick();
                status = Controller.CableCheck(450);
            }

            return status;
        }

        /// <summary>Walks a session into energy transfer with the vehicle's contactor closed.</summary>
        public void ToEnergyTransfer()
        {
            ToParameterExchange();
            RunCableCheck();
            StepStatus status = Controller.PreCharge(BatteryVoltageV);
            for (int i = 0; i < 100 && status == StepStatus.Ongoing; i++)
            {
                Tick();
                status = Controller.PreCharge(BatteryVoltageV);
            }

            VehicleContactorClosed = true;
            Tick();
            Controller.StartEnergyTransfer();
            Tick();
        }

        /// <summary>A rig in energy transfer at <paramref name="powerW"/>, reached at once (no ramp), the vehicle talking.</summary>
        public static ControllerRig ChargingAt(double powerW)
        {
            ControllerRig rig = new ControllerRig();
            rig.Settings.PowerRampWPerS = 1000000;
            rig.Build();
            rig.ToEnergyTransfer();
            rig.Controller.SetDispatchPowerW(powerW);
            rig.TicksWithVehicle(5);
            return rig;
        }

        /// <summary>A sign of life from the vehicle, as its protocol sends each loop message.</summary>
        public void VehicleMessage()
        {
            EvStatus status = default(EvStatus);
            status.BatteryVoltageV = BatteryVoltageV;
            status.SocPercent = 50;
            status.BatteryTemperatureC = 25;
            Controller.UpdateVehicleStatus(ref status);
        }

        /// <summary>Ticks with a vehicle message every tick (so the communication watchdog stays quiet).</summary>
        public void TicksWithVehicle(int n)
        {
            for (int i = 0; i < n; i++)
            {
                VehicleMessage();
                Tick();
            }
        }

        private static double Clamp(double x, double low, double high)
        {
            if (x < low)
            {
                return low;
            }

            return x > high ? high : x;
        }
    }
}
